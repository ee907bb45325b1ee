"""SecretBox round-trips secrets and refuses tampered or foreign ciphertext."""

from __future__ import annotations

import pytest

from app.crypto import MASK, SecretBox, SecretDecryptionError


def test_round_trip_and_ciphertext_hides_the_secret() -> None:
    box = SecretBox(SecretBox.generate_key())
    token = box.encrypt("s3cr3t • ünïcode")
    assert "s3cr3t" not in token
    assert token != box.encrypt("s3cr3t • ünïcode")
    assert box.decrypt(token) == "s3cr3t • ünïcode"


def test_a_different_key_cannot_decrypt() -> None:
    token = SecretBox(SecretBox.generate_key()).encrypt("secret")
    with pytest.raises(SecretDecryptionError, match="cannot be decrypted"):
        SecretBox(SecretBox.generate_key()).decrypt(token)


@pytest.mark.parametrize("token", ["", "not-a-token", MASK])
def test_garbage_is_refused(token: str) -> None:
    with pytest.raises(SecretDecryptionError):
        SecretBox(SecretBox.generate_key()).decrypt(token)


def test_tampered_ciphertext_is_refused() -> None:
    box = SecretBox(SecretBox.generate_key())
    token = box.encrypt("secret")
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(SecretDecryptionError):
        box.decrypt(tampered)


def test_invalid_key_is_rejected_at_construction() -> None:
    with pytest.raises(ValueError):
        SecretBox("too-short")


def test_mask_is_the_documented_bullets() -> None:
    assert MASK == "\u2022\u2022\u2022\u2022"
