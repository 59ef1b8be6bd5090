"""How a person's name is shortened where a picture of them would stand."""


def initials(name):
    """Up to two letters for an avatar: "Erika Muster" is "EM", "Hans-Peter" is "HP", nothing is "?"."""
    parts = [part for part in name.replace("-", " ").split() if part[:1].isalnum()]
    return "".join(part[0] for part in parts[:2]).upper() or "?"
