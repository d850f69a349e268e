"""Use cases the entry points (CLI, Slack, web pages) call: plain values in, core results out."""
