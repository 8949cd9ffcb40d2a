"""The welcome screen offers the other language; choosing it is remembered for the next start."""

from __future__ import annotations

import asyncio
from typing import Any

from exposure import settings


def test_l_on_the_welcome_screen_switches_to_spanish_and_remembers_it(make_app: Any) -> None:
    app = make_app()

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            assert "Español: pulse L." in str(app.screen.query_one("#language").render())
            await pilot.press("l")
            await pilot.pause()

    asyncio.run(run())
    assert app.switch_language == "es"
    assert settings.saved_language() == "es"
