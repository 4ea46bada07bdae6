"""UK phone numbers: shown the British way, linked in international form."""

import re


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def display(number: str) -> str:
    """'02476788555' -> '024 7678 8555'; '01926414144' -> '01926 414144'; '999' -> '999'."""
    d = digits(number)
    if len(d) != 11 or not d.startswith("0"):
        return number.strip()
    if d.startswith("02"):
        return f"{d[:3]} {d[3:7]} {d[7:]}"
    if d.startswith("01"):
        return f"{d[:5]} {d[5:]}"
    return f"{d[:4]} {d[4:7]} {d[7:]}"  # 0800, 0808, 03xx, 07xxx


def tel(number: str) -> str:
    """The tel: address: +44 2476788555 for UK numbers, short numbers (999) as they are."""
    d = digits(number)
    if len(d) == 11 and d.startswith("0"):
        return f"tel:+44{d[1:]}"
    return f"tel:{d}"
