"""Writing content records to the database without losing a lead's edits.

Each content item (a level, an indicator, a contact...) is a *record*: its stable id and its
canonical form, the same dict the exporter writes to YAML. `imported_hash` on the row is the
digest of the record the last import wrote. On the next import, for each record:

- not in the database: added;
- the database already says the same thing: unchanged;
- the row still matches what the last import wrote: updated to the file;
- otherwise a lead has edited it in the admin since: left alone and listed, unless forced.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models


def digest(record: Any) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class Plan:
    """What an import did (or, in a dry run, would do)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)
    overwritten_edits: list[str] = field(default_factory=list)
    not_in_files: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.overwritten_edits)


@dataclass
class Sync:
    plan: Plan
    force: bool = False

    def upsert(
        self,
        *,
        label: str,
        model: type[models.Model],
        lookup: dict,
        record: dict,
        current: Callable[[Any], dict],
        write: Callable[[Any], None],
    ) -> Any:
        """Adds or updates one record; returns its row (a lead's edit is kept unless forced)."""
        obj = model.objects.filter(**lookup).first()
        new_hash = digest(record)
        if obj is None:
            obj = model(**lookup)
            write(obj)
            self._mark(obj, new_hash)
            self.plan.added.append(label)
            return obj
        current_hash = digest(current(obj))
        if current_hash == new_hash:
            if obj.imported_hash != new_hash:
                self._mark(obj, new_hash)
            self.plan.unchanged.append(label)
        elif obj.imported_hash == current_hash:
            write(obj)
            self._mark(obj, new_hash)
            self.plan.updated.append(label)
        elif self.force:
            write(obj)
            self._mark(obj, new_hash)
            self.plan.overwritten_edits.append(label)
        else:
            self.plan.kept_edits.append(label)
        return obj

    @staticmethod
    def _mark(obj: models.Model, new_hash: str) -> None:
        # update() rather than save(): the bookkeeping is not an edit and needs no history.
        type(obj).objects.filter(pk=obj.pk).update(imported_hash=new_hash)
        obj.imported_hash = new_hash
