"""Limits against abuse that hold across all app servers, and how much of a reader's address we keep.

Hand-written rather than a decorator library: the limits are settings editors change at run time (the
comment policy), they count e-mail addresses as well as networks, and a view checks several limits before
it knows whether the attempt counts (a refused form counts for nothing)."""

import hashlib
import ipaddress

from .cache import limits_cache


def truncated_ip(address):
    """Enough of the address to spot abuse from a network, not enough to identify a person. An IPv4
    address that reaches us IPv4-mapped (`::ffff:a.b.c.d`, dual-stack sockets) is an IPv4 network:
    its /48 would put every IPv4 reader into one bucket."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


class RateLimit:
    """Counts events per key in fixed windows in the `limits` cache (Redis, shared by all app servers in
    production). While Redis is away it raises (`core.cache.REDIS_UNAVAILABLE`): a limit that cannot count
    protects nothing, so the view asks the reader to send again shortly."""

    def __init__(self, name, limit, window_seconds, message):
        self.name = name
        self.limit = limit
        self.window = window_seconds
        self.message = message

    def cache_key(self, value):
        digest = hashlib.sha256(str(value).casefold().encode()).hexdigest()[:32]
        return f"rate:{self.name}:{digest}"

    def exceeded(self, value):
        return self.limit is not None and limits_cache.get(self.cache_key(value), 0) >= self.limit

    def hit(self, value):
        key = self.cache_key(value)
        if not limits_cache.add(key, 1, self.window):
            try:
                limits_cache.incr(key)
            except ValueError:
                limits_cache.set(key, 1, self.window)

    def refuses(self, value):
        """For a single limit: whether it refuses this attempt; one it lets through is counted."""
        if self.exceeded(value):
            return True
        self.hit(value)
        return False
