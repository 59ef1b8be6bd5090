import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_dev_admin_gets_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "s3hr-geheim")
    call_command("ensure_dev_admin", stdout=None)
    call_command("ensure_dev_admin", stdout=None)

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("s3hr-geheim")
    assert get_user_model().objects.count() == 1


@override_settings(DEBUG=True)
def test_dev_admin_defaults_to_changeme(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_dev_admin")
    assert get_user_model().objects.get(username="admin").check_password("changeme")


def test_dev_admin_is_refused_outside_development():
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin")
    assert not get_user_model().objects.exists()
