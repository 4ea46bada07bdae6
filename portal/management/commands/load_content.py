from django.core.management.base import BaseCommand, CommandError

from portal.content.loader import load


class Command(BaseCommand):
    help = "Validates content YAML files and loads them in one transaction (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="YAML files, e.g. fixtures/*.yaml")
        parser.add_argument("--dry-run", action="store_true", help="Say what would change, change nothing.")
        parser.add_argument("--force", action="store_true", help="Overwrite items a lead has edited in the admin.")

    def handle(self, *args, paths, dry_run, force, **options):
        plan, problems = load(paths, dry_run=dry_run, force=force)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s) found; nothing was loaded and the database is unchanged.")
        would = "would be " if dry_run else ""
        for label in plan.added:
            self.stdout.write(f"{would}added: {label}")
        for label in plan.updated:
            self.stdout.write(f"{would}updated: {label}")
        for label in plan.overwritten_edits:
            self.stdout.write(f"{would}overwritten (edited in the admin, --force given): {label}")
        for label in plan.kept_edits:
            self.stdout.write(self.style.WARNING(f"kept, edited in the admin since the last import (use --force to overwrite): {label}"))
        for label in plan.not_in_files:
            self.stdout.write(f"in the database but not in the files (left in place): {label}")
        summary = (
            f"{len(plan.added)} added, {len(plan.updated)} updated, {len(plan.unchanged)} unchanged, "
            f"{len(plan.kept_edits)} kept edits, {len(plan.overwritten_edits)} overwritten edits"
        )
        if not plan.changed and not plan.kept_edits and not plan.not_in_files:
            self.stdout.write(f"Nothing to change: the database already matches the files ({summary}).")
        elif dry_run:
            self.stdout.write(f"Dry run, nothing changed: {summary}.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Loaded: {summary}."))
