"""Fictional people for letter tests. None of these names, addresses or numbers is real."""

from __future__ import annotations

from exposure.profile.files import demo_profile
from exposure.profile.model import Address, Identity, Profile


def person(name: str, *, state: str = "CA", street: str = "12 Example Street") -> Profile:
    """The demo profile moved to ``state``, with the given name and street."""
    demo = demo_profile()
    assert demo.identity is not None
    address = Address(lines=[street], city="Sampletown", state=state, postal_code="90001")
    identity = Identity(
        full_name=name,
        addresses=[address],
        emails=["person@example.org"],
        phones=["+1 555-0100"],
        date_of_birth=demo.identity.date_of_birth,
    )
    return demo.model_copy(update={"facts": {**demo.facts, "state": state}, "identity": identity})
