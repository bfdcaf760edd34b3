return { id = "h_error_hooks_syntax" options = {} }
