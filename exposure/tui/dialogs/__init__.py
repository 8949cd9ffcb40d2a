"""Modal dialogs: questions that need an answer before the journey goes on."""
