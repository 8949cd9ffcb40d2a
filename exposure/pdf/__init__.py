"""PDF rendering with reportlab: letters, the agent packet, fonts and the report kit."""
