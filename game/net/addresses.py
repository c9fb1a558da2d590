"""This computer's addresses on the local network, found without sending a single packet."""

from __future__ import annotations

import ipaddress
import socket


def _usable(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    # Phones in the room reach private (home, office, school) IPv4 addresses.
    return address.version == 4 and address.is_private and not address.is_loopback \
        and not address.is_link_local and not address.is_unspecified


def local_addresses() -> list[str]:
    """IPv4 addresses of this machine that phones on the same network can reach, best first.

    Only asks the operating system (the host name's addresses, and on Linux
    the interfaces' addresses read from ``ip``'s kernel tables through
    ``/proc``); never connects anywhere.  An empty list: no network, so the
    game offers "this computer only".
    """
    found: list[str] = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except (OSError, UnicodeError):
        pass
    found.extend(_linux_interface_addresses())
    usable = [a for a in dict.fromkeys(found) if _usable(a)]
    # 192.168.x and 10.x (homes and offices) before 172.16-31.x (often containers).
    return sorted(usable, key=lambda a: (not a.startswith(("192.168.", "10.")), a))


def _linux_interface_addresses() -> list[str]:
    """IPv4 addresses of local interfaces from /proc/net/fib_trie (Linux; nothing elsewhere)."""
    try:
        with open("/proc/net/fib_trie", encoding="ascii") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return []
    out = []
    for i, line in enumerate(lines):
        if "/32 host LOCAL" in line and i > 0:
            address = lines[i - 1].split()[-1]
            out.append(address)
    return out


def join_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
