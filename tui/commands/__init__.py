"""Subcommands of `renewals`: each module adds its parser and a `run(args, ctx) -> exit code`."""
