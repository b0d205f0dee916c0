"""The knowledge base names what the real seed articles talk about.

A plain folded substring search over each seed stands in for the entity matcher
(built elsewhere): every id listed must be found through one of its names or
spelling variants.
"""

from __future__ import annotations

import pytest

from marsad.kb.validate import alias_key

EXPECTED = {
    "000": ["global_coalition", "isis", "sdf", "us_state_department", "russia_mod", "amnesty", "ypg",
            "raqqa", "brussels", "afrin", "deir_ez_zor_governorate", "euphrates", "jazira_region",
            "eastern_deir_ez_zor_countryside", "washington", "syria", "turkey", "mike_pompeo"],
    "001": ["us_state_department", "heather_nauert", "sdf", "isis", "lilwa_abdullah", "ahmed_abu_khawla",
            "deir_ez_zor_military_council", "tanak_oil_field", "geneva", "un", "un_security_council",
            "syrian_army", "iraqi_security_forces", "french_forces", "deir_ez_zor", "iraq", "israel"],
    "002": ["syria_mofa", "global_coalition", "isis", "sdf", "syrian_army", "un_secretary_general",
            "un_security_council", "al_qusour_deir_ez_zor", "deir_ez_zor", "raqqa", "syria_government",
            "us_state_department", "civilians"],
    "003": ["global_coalition", "sdf", "isis", "asayish", "aanes", "raqqa_civil_council", "nicholas_granger",
            "talat_yunis", "antony_blinken", "raqqa", "northeast_syria", "jazira_region"],
    "004": ["global_coalition", "isis", "sdf", "myles_caggins", "kino_gabriel", "rmeilan", "hasakah",
            "deir_ez_zor", "raqqa", "syrian_badia", "euphrates", "iraqi_security_forces"],
}


def found_ids(kb, text: str) -> set[str]:
    """Ids whose name, alias or variant occurs in ``text`` (folded, as a substring)."""
    folded = f" {alias_key(text)} "
    return {i for form, _, i in kb.all_names() if len(form) > 2 and alias_key(form) in folded}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_actors_and_places_are_known(kb, seeds, seed):
    text = seeds[seed].read_text(encoding="utf-8")
    missing = sorted(set(EXPECTED[seed]) - found_ids(kb, text))
    assert missing == []
