"""Logging in: throttled after 10 wrong passwords (django-axes), Django's password validators, sessions that end."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse

from tests.factories import PASSWORD


def _login(client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_logs_in(client, world):
    response = _login(client, "alice", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_after_10_wrong_passwords_the_right_one_is_refused_with_an_indonesian_message(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, "alice", "salah")
        assert response.status_code == 200 and "salah" in response.content.decode()
    response = _login(client, "alice", "salah")  # the 10th
    assert response.status_code == 429
    response = _login(client, "alice", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Akun dikunci sementara" in html
    assert f"Coba lagi setelah {settings.AXES_COOLOFF_TIME.seconds // 60} menit" in html
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_for_that_username_from_that_address_only(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "alice", "salah")
    assert _login(client, "kabid", PASSWORD).status_code == 302  # a colleague at the same office
    client.logout()
    assert _login(client, "alice", PASSWORD, address="10.0.0.2").status_code == 302  # alice from elsewhere


def test_the_lock_ends_after_the_cool_off_time(client, world):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "alice", "salah")
    assert _login(client, "alice", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1))
    assert _login(client, "alice", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "alice", "salah")
    assert _login(client, "alice", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "alice", "salah")
    assert _login(client, "alice", PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["renaksi", "12345678901", "password123", "alice123"])
def test_weak_passwords_are_refused(world, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=world.alice)


def test_a_strong_password_is_accepted(world):
    validate_password("Tiga-ekor-kucing-di-Samarinda", user=world.alice)


def test_a_session_ends_after_eight_hours_and_with_the_browser(client, world):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    _login(client, "alice", PASSWORD)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert 8 * 60 * 60 - 60 <= client.session.get_expiry_age() <= 8 * 60 * 60
