-- The LÖVE 11 peer of the game's map screen, for bench/bench_render.sh:
-- the same triangles, border rings, fill colours and labels (written by
-- bench/export_love_map), drawn the way a LÖVE game would: one Mesh with
-- the view as a transform, borders with love.graphics.line, labels with
-- love.graphics.print on plates, and the two bars of the interface.
-- Usage: love bench/peers/love MAPDATA.lua FRAMES FONT.otf
-- Prints: first_frame_ms=... frames=N ms=... fps=...

-- Milliseconds since this process started (Linux /proc), so the start-up
-- time counts LÖVE's own start, as the game's count does.
local function process_age_ms()
    local stat = io.open("/proc/self/stat"):read("*a")
    local fields = {}
    for f in stat:gsub("^.-%) ", ""):gmatch("%S+") do fields[#fields + 1] = f end
    local start_ticks = tonumber(fields[20]) -- field 22 of stat, after pid and comm
    local uptime = tonumber(io.open("/proc/uptime"):read("*a"):match("^(%S+)"))
    return (uptime - start_ticks / 100) * 1000
end

local data, frames, font_path
local mesh, fonts = nil, {}
local screen_points = {}

local function font(size)
    local px = math.floor(size * data.scale + 0.5)
    if not fonts[px] then
        local file = assert(io.open(font_path, "rb")):read("*a")
        fonts[px] = love.graphics.newFont(love.filesystem.newFileData(file, "font.otf"), px)
    end
    return fonts[px]
end

local function to_screen(x, y)
    local a = data.area
    return a[1] + a[3] / 2 + (x - data.centre[1]) * data.k, a[2] + a[4] / 2 - (y - data.centre[2]) * data.k
end

function love.load(args)
    data = dofile(args[1])
    frames = tonumber(args[2]) or 100
    font_path = args[3]
    love.window.setMode(data.width, data.height, {vsync = 0, resizable = false})
    -- One vertex per map point, coloured by its ring's feature.
    local colour_of = {}
    for _, ring in ipairs(data.rings) do
        for i = ring.first, ring.first + ring.count - 1 do colour_of[i] = data.features[ring.feature].colour end
    end
    local vertices = {}
    for i = 1, #data.points / 2 do
        local c = colour_of[i]
        vertices[i] = {data.points[2 * i - 1], data.points[2 * i], c[1] / 255, c[2] / 255, c[3] / 255, 1}
    end
    mesh = love.graphics.newMesh({{"VertexPosition", "float", 2}, {"VertexColor", "float", 4}}, vertices,
                                 "triangles", "static")
    mesh:setVertexMap(data.triangles)
    -- Labels, largest province first (the game's priority).
    data.order = {}
    for i, f in ipairs(data.features) do if f.name ~= "" then data.order[#data.order + 1] = i end end
    table.sort(data.order, function(a, b) return data.features[a].area > data.features[b].area end)
end

local function draw_labels()
    local placed = {}
    for _, i in ipairs(data.order) do
        local f = data.features[i]
        local size = 14 * (0.8 + 0.25 * math.log10(math.max(f.area, 1000) / 50000))
        size = math.max(14 * 0.85, math.min(size, 14 * 1.5))
        local bold, regular = font(size), font(size * 0.92)
        local s = data.scale
        local nw, nh = bold:getWidth(f.name) / s, bold:getHeight() / s
        local vw, vh = regular:getWidth(f.value) / s, regular:getHeight() / s
        local x, y = to_screen(f.label[1], f.label[2])
        local w, h = math.max(nw, vw), nh + vh
        local b = {x - w / 2 - 3, y - h / 2 - 1, x + w / 2 + 3, y + h / 2 + 1}
        local free = true
        for _, p in ipairs(placed) do
            if b[1] < p[3] and p[1] < b[3] and b[2] < p[4] and p[2] < b[4] then free = false break end
        end
        if free then
            placed[#placed + 1] = b
            love.graphics.setColor(1, 1, 1, 165 / 255)
            love.graphics.rectangle("fill", b[1] * s, b[2] * s, (b[3] - b[1]) * s, (b[4] - b[2]) * s)
            love.graphics.setColor(0.13, 0.13, 0.13, 1)
            love.graphics.setFont(bold)
            love.graphics.print(f.name, (x - nw / 2) * s, (b[2] + 1) * s)
            love.graphics.setFont(regular)
            love.graphics.print(f.value, (x - vw / 2) * s, (b[2] + 1 + nh) * s)
        end
    end
end

local function draw_bars()
    local s, w, h = data.scale, data.width, data.height
    love.graphics.setColor(52 / 255, 66 / 255, 84 / 255)
    love.graphics.rectangle("fill", 0, 0, w, 58 * s)
    love.graphics.setColor(1, 1, 1)
    love.graphics.setFont(font(24))
    love.graphics.print("June 1960", 16 * s, 13 * s)
    love.graphics.setFont(font(16))
    local x = 380
    for _, text in ipairs({"669.6 million", "17.5‰", "228.2 Mt", "31.8 Mt"}) do
        love.graphics.print(text, x * s, 25 * s)
        x = x + 130
    end
    love.graphics.setColor(232 / 255, 228 / 255, 219 / 255)
    love.graphics.rectangle("fill", 0, h - 56 * s, w, 56 * s)
    love.graphics.setFont(font(13))
    local labels = {"1 Reported harvest", "2 Actual harvest", "3 Grain left per person", "4 Death rate",
                    "5 Population change", "6 Procurement share", "7 Labour diverted", "8 Report gap",
                    "Reported figures", "Numbers on map"}
    for i, text in ipairs(labels) do
        local bx = (10 + (i - 1) * 126) * s
        love.graphics.setColor(0.91, 0.89, 0.85)
        love.graphics.rectangle("fill", bx, h - 47 * s, 120 * s, 38 * s)
        love.graphics.setColor(0.13, 0.13, 0.13)
        love.graphics.print(text, bx + 4 * s, h - 38 * s)
    end
end

local line = {}
function love.draw()
    local s = data.scale
    love.graphics.clear(244 / 255, 241 / 255, 234 / 255)
    local a = data.area
    love.graphics.setColor(200 / 255, 212 / 255, 220 / 255)
    love.graphics.rectangle("fill", a[1] * s, a[2] * s, a[3] * s, a[4] * s)
    -- Fills: the view is a transform; the mesh never changes.
    love.graphics.push()
    love.graphics.scale(s)
    love.graphics.translate(a[1] + a[3] / 2, a[2] + a[4] / 2)
    love.graphics.scale(data.k, -data.k)
    love.graphics.translate(-data.centre[1], -data.centre[2])
    love.graphics.setColor(1, 1, 1)
    love.graphics.draw(mesh)
    love.graphics.pop()
    -- Borders: rings transformed each frame, as the game does.
    love.graphics.setLineWidth(1.2 * s)
    love.graphics.setLineJoin("none")
    for pass = 1, 2 do
        local province = pass == 2
        if province then love.graphics.setColor(45 / 255, 45 / 255, 45 / 255)
        else love.graphics.setColor(170 / 255, 164 / 255, 152 / 255) end
        for _, ring in ipairs(data.rings) do
            if ring.province == province then
                local n = 0
                for i = ring.first, ring.first + ring.count - 1 do
                    local x, y = to_screen(data.points[2 * i - 1], data.points[2 * i])
                    line[n + 1], line[n + 2] = x * s, y * s
                    n = n + 2
                end
                line[n + 1], line[n + 2] = line[1], line[2]
                for k = n + 3, #line do line[k] = nil end
                love.graphics.line(line)
            end
        end
    end
    draw_labels()
    draw_bars()
end

-- A main loop without love.run's 1 ms sleep, so the count is of drawing.
function love.run()
    love.load(love.arg.parseGameArguments(arg))
    love.timer.step()
    local first
    local t0
    for frame = 0, frames do
        love.event.pump()
        for name in love.event.poll() do
            if name == "quit" then return 0 end
        end
        love.graphics.origin()
        love.draw()
        love.graphics.present()
        if frame == 0 then
            first = process_age_ms()
            t0 = love.timer.getTime()
        end
    end
    local ms = (love.timer.getTime() - t0) * 1000
    local w, h = love.graphics.getDimensions()
    local name = love.graphics.getRendererInfo()
    print(string.format("renderer=love-%s size=%dx%d frame=full first_frame_ms=%.1f frames=%d ms=%.1f fps=%.1f",
                        name, w, h, first, frames, ms, frames * 1000 / ms))
    return function() return 0 end
end
