"""How a note's sentence points back at the one before it ("It is stored in the cellar", "Here they keep for a
month"): such a sentence is read with the sentence it points at (rag.answer.units, rag.answer.across). Plain English.
"""

from __future__ import annotations

import re

# A sentence opening with a pronoun ("it", "they", "this", ...: "It is stored in the cellar", "This bond is called ...") speaks of
# what the sentence before it names: a line's sentence is read with the one before it (rag.answer.units), and
# a line's first sentence with the last of the line above it in one paragraph (rag.answer.across). A person is
# pointed back at the same way ("Okafor was an apprentice to Lund. He published the recipes of ..."), so the
# personal pronouns lead such a sentence too (POINTS_BACK_PERSON).
# The subject may come after an opening phrase and its comma ("As a woman with no degree, she was refused ..."):
# a subject pronoun of a person or a group there points back the same way ("it" after a comma is mostly no one:
# "If you wait, it gets sour").
POINTS_BACK_PERSON = ("he", "she", "his", "her")
POINTS_BACK_AFTER_PHRASE = ("he", "she", "they")
# A sentence setting its subject against the one before ("Brining, on the other hand, takes a full day", "By
# contrast, ...") states the other side of that sentence's comparison: it points back the same way.
CONTRAST_LEAD = r"(?:on the other hand|by contrast|in contrast|conversely)\b"
# A place adverb with a pronoun subject after it ("Put the jars in the cellar. Here they keep for a month", "There
# you can leave it overnight") points back at the place the sentence before names; "there is"/"here are" point at
# nothing (practice11 k009).
POINTS_BACK_PLACE = r"(?:here|there),?\s+(?:you|it|they|we|one|i)\b"


def points_back_lead(contrast: bool = True, place: bool = True) -> re.Pattern:
    """The pattern of a sentence opening by pointing back (above); ``contrast``: a contrast's lead counts too;
    ``place``: so does a place adverb before a pronoun (POINTS_BACK_PLACE)."""
    lead = f"|{CONTRAST_LEAD}|[^,.;:!?]{{1,60}},\\s+{CONTRAST_LEAD}" if contrast else ""
    return re.compile(r"(?i)^\W*(?:(?:it|its|they|them|their|this|these|those|" + "|".join(POINTS_BACK_PERSON)
                      + r")\b|[^,.;:!?]{1,60},\s+(?:" + "|".join(POINTS_BACK_AFTER_PHRASE) + r")\b" + lead
                      + (f"|{POINTS_BACK_PLACE}" if place else "") + ")")


POINTS_BACK_LEAD = points_back_lead()
