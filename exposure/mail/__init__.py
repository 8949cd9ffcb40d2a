"""E-mail: building a message from a drafted letter, and sending it over SMTP."""
