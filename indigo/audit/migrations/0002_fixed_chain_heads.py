from django.db import migrations


def heads(apps, schema_editor):
    ChainHead = apps.get_model("audit", "ChainHead")
    for key in ("access-trace", "processing-log"):
        ChainHead.objects.get_or_create(chain=key)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(heads, migrations.RunPython.noop)]
