"""A stand-in for Slack's Socket Mode WebSocket endpoint on 127.0.0.1 (RFC 6455, text frames only).

`FakeSlack.socket_url` hands its address to the app through `apps.connections.open`; the test then
pushes envelopes (`send_envelope`) and reads the app's acknowledgements (`wait_for_ack`):

    socket = FakeSocketMode().start()
    fake.socket_url = socket.url
    socket.wait_for_connection()
    envelope_id = socket.send_envelope("events_api", payload)
    socket.wait_for_ack(envelope_id)
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
import uuid
from typing import Any

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


class FakeSocketMode:
    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._client: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._changed = threading.Condition()
        self.received: list[dict[str, Any]] = []

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"ws://{host}:{port}/link"

    def start(self) -> FakeSocketMode:
        threading.Thread(target=self._serve, name="fake-socket-mode", daemon=True).start()
        return self

    def stop(self) -> None:
        self._listener.close()
        if self._client is not None:
            self._client.close()

    def wait_for_connection(self, timeout: float = 30) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self._client is not None, timeout):
                raise AssertionError("the app did not open a Socket Mode connection")

    def send_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        envelope_id = str(uuid.uuid4())
        self._send(TEXT, json.dumps({"envelope_id": envelope_id, "type": kind, "payload": payload}).encode())
        return envelope_id

    def wait_for_ack(self, envelope_id: str, timeout: float = 30) -> dict[str, Any]:
        def acked() -> dict[str, Any] | None:
            return next((m for m in self.received if m.get("envelope_id") == envelope_id), None)

        with self._changed:
            if not self._changed.wait_for(lambda: acked() is not None, timeout):
                raise AssertionError(f"envelope {envelope_id} was not acknowledged")
            return acked() or {}

    def _serve(self) -> None:
        connection, _ = self._listener.accept()
        request = b""
        while b"\r\n\r\n" not in request:
            request += connection.recv(4096)
        key = next(
            line.split(":", 1)[1].strip()
            for line in request.decode().split("\r\n")
            if line.lower().startswith("sec-websocket-key:")
        )
        accept = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
        connection.sendall(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
        )
        with self._changed:
            self._client = connection
            self._changed.notify_all()
        self._send(TEXT, json.dumps({"type": "hello", "num_connections": 1}).encode())
        self._read_frames(connection)

    def _read_frames(self, connection: socket.socket) -> None:
        reader = connection.makefile("rb")
        while True:
            header = reader.read(2)
            if len(header) < 2:
                return
            opcode, length = header[0] & 0x0F, header[1] & 0x7F
            if length == 126:
                length = struct.unpack("!H", reader.read(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", reader.read(8))[0]
            mask = reader.read(4) if header[1] & 0x80 else b"\0\0\0\0"
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(reader.read(length)))
            if opcode == PING:
                self._send(PONG, data)
            elif opcode == CLOSE:
                return
            elif opcode == TEXT:
                with self._changed:
                    self.received.append(json.loads(data))
                    self._changed.notify_all()

    def _send(self, opcode: int, data: bytes) -> None:
        size = len(data)
        if size < 126:
            header = struct.pack("!BB", 0x80 | opcode, size)
        elif size < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 126, size)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 127, size)
        assert self._client is not None
        with self._send_lock:
            self._client.sendall(header + data)
