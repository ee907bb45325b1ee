"""Encryption of the secrets Cairn stores (tokens, passwords, client secrets, service-account keys).

Secrets are kept encrypted at rest with Fernet (authenticated AES from `cryptography`) under the
`CAIRN_ENCRYPTION_KEY`, and never shown again once saved: the API and the forms show `MASK`
instead, and sending `MASK` back means "keep the stored value".
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

MASK = "••••"
"""What a stored secret looks like to anyone reading it back."""


class SecretDecryptionError(ValueError):
    """A stored secret could not be decrypted: wrong key, or the ciphertext was altered."""


class SecretBox:
    """Encrypts and decrypts text secrets under one Fernet key (urlsafe base64, 32 bytes)."""

    def __init__(self, key: str):
        self._fernet = Fernet(key)

    @staticmethod
    def generate_key() -> str:
        return Fernet.generate_key().decode()

    def encrypt(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except (InvalidToken, UnicodeError) as error:
            message = "stored secret cannot be decrypted with the configured key"
            raise SecretDecryptionError(message) from error
