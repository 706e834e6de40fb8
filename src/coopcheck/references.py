"""Cross-references of a raw agreement document: approvals ``of``, funding ``from`` and ``subject``
name a party, party ids and approvals are not listed twice.

Checked on the raw mapping, so they are reported together with the shape errors, each at its own
line (``loader``). A module of its own: the check path runs it without the pydantic models.
"""

from __future__ import annotations

from typing import Any


def check_references(data: Any) -> list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]]:
    """Cross-reference problems of a raw agreement document as ``(loc, code, english, params)``.

    Works on the raw mapping so it runs even when the shape has other errors; anything of the
    wrong shape is left to pydantic.
    """
    out: list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]] = []
    parties = data.get("parties") if hasattr(data, "get") else None
    ids: list[str] = []
    if isinstance(parties, list):
        seen: set[str] = set()
        for i, p in enumerate(parties):
            pid = p.get("id") if hasattr(p, "get") else None
            if isinstance(pid, str):
                pid = pid.strip()   # as the model reads it: "pref-a " is pref-a, the same party
                if pid in seen:
                    out.append((("parties", i, "id"), "ref.duplicate_party",
                                f"party id '{pid}' is used twice", {"id": pid}))
                seen.add(pid)
                ids.append(pid)
    if not ids:
        return out

    def ref(loc: tuple[int | str, ...], value: Any) -> None:
        if isinstance(value, str) and value.strip() not in ids:
            from .yamlio import suggest

            hint = suggest(value, ids)
            params: dict[str, Any] = {"id": value, "known": ", ".join(ids)}
            if hint:
                params["suggestion"] = hint
            out.append((loc, "ref.unknown_party", f"'{value}' is not the id of a party ({', '.join(ids)})",
                        params))

    ref(("subject",), data.get("subject"))
    for key, attr in (("approvals", "of"), ("funding", "from")):
        items = data.get(key)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if hasattr(item, "get"):
                    ref((key, i, attr), item.get(attr))
    out.extend(_duplicate_approvals(data.get("approvals")))
    return out


def _duplicate_approvals(approvals: Any) -> list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]]:
    """The same approval (kind, party, date) listed twice: a copy-paste slip that would hide a real one.

    An approval has no id of its own; ``kind`` + ``of`` + ``date`` is its identity (a refused
    deliberation and a later approved one differ by their dates).
    """
    out: list[tuple[tuple[int | str, ...], str, str, dict[str, Any]]] = []
    if not isinstance(approvals, list):
        return out
    first: dict[tuple[str, str, str], int] = {}
    for i, item in enumerate(approvals):
        if not hasattr(item, "get"):
            continue
        key = (item.get("kind"), item.get("of"), item.get("date"))
        if not all(isinstance(part, str | None) for part in key) or key[0] is None or key[1] is None:
            continue
        ident = (str(key[0]), str(key[1]), str(key[2]))
        if ident in first:
            out.append((("approvals", i), "ref.duplicate_approval",
                        f"the same approval ({key[0]} of {key[1]}, {key[2] or 'undated'}) is already listed "
                        f"as approvals.{first[ident]}",
                        {"kind": str(key[0]), "of": str(key[1]), "date": str(key[2] or "-"), "first": first[ident]}))
        else:
            first[ident] = i
    return out
