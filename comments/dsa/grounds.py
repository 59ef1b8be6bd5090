"""The grounds the automatic checks give, by code (`DecisionGround.code`); the migration that seeds the
grounds creates them, and the team may reword them like any other."""

WORD_LIST = "word_list"
LINKS = "links"
WORD_LIST_HOLD = "word_list_hold"
BLOCK = "block"
