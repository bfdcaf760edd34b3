return "an event"
