"""Login, logout, CSRF, roles on pages, and the admin's Users page."""

from app.auth.models import Role, User
from tests.factories import PASSWORD, make_user


def test_login_page_renders(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert b'name="password"' in response.data


def test_pages_need_login(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert "/login?next=" in response.headers["Location"]


def test_login_and_logout(browser, db):
    user = make_user("marketer")
    browser.login(user)
    page = browser.get("/account")
    assert page.status_code == 200
    assert user.email.encode() in page.data
    assert b"marketer" in page.data
    assert browser.post("/logout").status_code == 302
    assert browser.get("/account").status_code == 302


def test_wrong_password_and_unknown_user_say_the_same(browser, db):
    user = make_user("marketer")
    for email, password in ((user.email, "wrong password!!"), ("nobody@example.com", PASSWORD)):
        response = browser.post("/login", {"email": email, "password": password})
        assert response.status_code == 401
        assert b"Email or password is incorrect" in response.data
        assert b"Traceback" not in response.data


def test_deactivated_user_cannot_sign_in(browser, db):
    user = make_user("technical")
    user.active = False
    db.session.commit()
    response = browser.post("/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 401
    assert b"deactivated" in response.data


def test_deactivated_user_loses_their_session(browser, db):
    user = make_user("technical")
    browser.login(user)
    db.session.get(User, user.id).active = False
    db.session.commit()
    assert browser.get("/account").status_code == 302


def test_form_post_without_csrf_token_is_rejected(client, db):
    user = make_user("marketer")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert b"security token" in response.data


def test_htmx_post_without_csrf_header_is_rejected(signed_in):
    admin = signed_in("admin")
    response = admin.client.post("/users", data={"email": "x@example.com", "role": "marketer"},
                                 headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert User.query.filter_by(email="x@example.com").first() is None


def test_login_redirect_stays_on_site(browser, db):
    user = make_user("marketer")
    token = browser.csrf_token()
    response = browser.client.post(
        "/login?next=https://evil.example/", data={"email": user.email, "password": PASSWORD,
                                                   "csrf_token": token}
    )
    assert response.headers["Location"] == "/"


def test_session_cookie_is_httponly_and_samesite(browser, db):
    response = browser.login(make_user("marketer"))
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_users_page_is_for_admins_only(signed_in):
    for role in ("marketer", "technical"):
        assert signed_in(role).get("/users").status_code == 403
        assert signed_in(role).post("/users", {"email": "a@b.co", "role": "admin"}).status_code == 403
    assert signed_in("admin").get("/users").status_code == 200


def test_admin_invites_user_with_generated_password(signed_in, db):
    admin = signed_in("admin")
    response = admin.post("/users", {"email": "New@Example.com", "role": "technical"}, htmx=True)
    assert response.status_code == 200
    assert b"<html" not in response.data  # the partial only
    created = User.query.filter_by(email="new@example.com").one()
    assert created.role == Role.TECHNICAL
    assert b"shown once" in response.data


def test_invite_errors_are_inline_and_name_the_field(signed_in, db):
    admin = signed_in("admin")
    response = admin.post("/users", {"email": "not-an-email", "role": "technical"}, htmx=True)
    assert b"Email is not a valid email address" in response.data
    response = admin.post("/users", {"email": "ok@example.com", "role": "boss"}, htmx=True)
    assert b"Role must be one of" in response.data
    assert User.query.filter_by(email="ok@example.com").first() is None


def test_admin_changes_role_and_deactivates(signed_in, db):
    admin = signed_in("admin")
    user = make_user("marketer")
    response = admin.post(f"/users/{user.id}/role", {"role": "technical"}, htmx=True)
    assert response.status_code == 200
    assert db.session.get(User, user.id).role == Role.TECHNICAL
    admin.post(f"/users/{user.id}/active", {"active": "0"}, htmx=True)
    assert db.session.get(User, user.id).active is False


def test_last_admin_cannot_be_demoted(signed_in, db):
    admin = signed_in("admin")
    response = admin.post(f"/users/{admin.user.id}/role", {"role": "marketer"}, htmx=True)
    assert b"at least one active admin" in response.data
    assert db.session.get(User, admin.user.id).role == Role.ADMIN


def test_menu_shows_users_only_to_admins(signed_in):
    assert b'href="/users"' not in signed_in("technical").get("/account").data
    assert b'href="/users"' in signed_in("admin").get("/account").data


def test_create_and_revoke_token_from_account_page(signed_in, db):
    user = signed_in("marketer")
    response = user.post("/account", {"name": "ci"}, htmx=True)
    assert b"cairn_" in response.data
    token = user.user.tokens[0] if user.user.tokens else None
    from app.auth.models import ApiToken

    token = ApiToken.query.filter_by(user_id=user.user.id).one()
    response = user.post(f"/account/tokens/{token.id}/revoke", htmx=True)
    assert response.status_code == 200
    assert db.session.get(ApiToken, token.id).status == "revoked"
