"""Run callables at the same instant in threads; collect what each returned."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def race(actions: list[Callable[[], object]], *, timeout: float = 120) -> list:
    """Start all actions behind one barrier; an exception is returned, not raised."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - the test asserts on it
            results[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, action))
        for i, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results
