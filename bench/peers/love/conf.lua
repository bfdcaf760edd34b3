-- The LÖVE peer of the game's map renderer (see main.lua and bench/README.md).
function love.conf(t)
    t.identity = "greatleap-bench"
    t.window.title = "Great Leap map: LÖVE peer"
    t.window.width = 640
    t.window.height = 360
    t.window.vsync = 0
    t.modules.audio = false
    t.modules.sound = false
    t.modules.joystick = false
    t.modules.physics = false
    t.modules.video = false
end
