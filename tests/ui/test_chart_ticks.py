"""The availability chart's percent axis has round ticks only (issue 12, defect 16)."""

from __future__ import annotations

import pytest

from ui.pages.report_charts import round_percent_ticks


@pytest.mark.parametrize("lowest", [100.0, 99.9, 98.0, 97.5, 96.3, 93.8, 90.0, 80.0, 50.0, 12.5, 0.0])
def test_availability_axis_ticks_are_round_and_cover_the_lowest_point(lowest: float) -> None:
    low, ticks, fmt = round_percent_ticks(lowest)
    assert 2 <= ticks <= 7
    assert low < lowest or low == 0.0
    step = (100.0 - low) / (ticks - 1)
    values = [low + n * step for n in range(ticks)]
    assert step in (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 25.0)
    assert all(abs(v * 2 - round(v * 2)) < 1e-9 for v in values)  # whole or half percent
    assert values[-1] == 100.0
    assert fmt == ("%.1f" if step < 1 else "%.0f")


def test_the_reported_ticks_96_3_and_98_8_do_not_come_back() -> None:
    low, ticks, _ = round_percent_ticks(93.8)
    step = (100.0 - low) / (ticks - 1)
    values = {round(low + n * step, 1) for n in range(ticks)}
    assert not values & {96.3, 98.8}
