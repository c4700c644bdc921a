"""Small helpers shared by the per-language data modules."""


def grp(n, sep=","):
    """1234567 -> '1,234,567' with the given thousands separator."""
    return f"{n:,}".replace(",", sep)


def pick(r, *options):
    return r.choice(options)


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def luhn_complete(partial):
    """Append the Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return partial + str((10 - total % 10) % 10)


def es_dc(ten):
    """One control digit of a Spanish CCC account number (10 digits in)."""
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(a) * b for a, b in zip(ten, w)) % 11
    return "0" if d == 11 else "1" if d == 10 else str(d)
