"""The workshop's web questionnaire: a small server on the facilitator's laptop that
participants' phones reach over the local network. An edge, like the CLI and the TUI: it
parses requests and presents results; the work is done by exposure.app.intake."""
