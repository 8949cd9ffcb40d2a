"""Where personal data is kept: the encrypted vault and its key."""
