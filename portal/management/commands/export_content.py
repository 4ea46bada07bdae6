from django.core.management.base import BaseCommand

from portal.content.loader import export


class Command(BaseCommand):
    help = "Writes the database's content back out as YAML files, in the layout load_content reads."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="fixtures", help="The folder to write to (default: fixtures).")

    def handle(self, *args, out, **options):
        for path in export(out):
            self.stdout.write(f"wrote {path}")
