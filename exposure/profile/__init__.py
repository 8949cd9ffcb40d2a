"""A person's profile: life facts for the exposure check, and identity only for letters."""
