"""The HTTP side: a Flask app serving Slack's requests (through Bolt), the health check and web pages."""
