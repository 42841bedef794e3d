"""Which process owns a background job, and whether that process is known to be gone.

Why its own module: the compare jobs (``services.compare_jobs``) and the web's
translation jobs (``services.jobs``, thread backend) both run in the process
that took them, so a job row records its owner — ``host:pid:token`` — and a
reader can tell at once that a job's process died instead of waiting for a
timeout.  The token is new in every process (and after a fork), so a restarted
server that gets its old pid back (pid 1 in a container) does not pass for the
dead one.  Only this host's pids can be checked: another machine's job is left
to the caller's timeout.
"""

from __future__ import annotations

import os
import socket
import threading
import uuid

_LOCK = threading.Lock()
_STATE: dict[str, object] = {"pid": None, "owner": None}


def process_owner() -> str:
    """``host:pid:token`` of this process (renewed after a fork)."""
    with _LOCK:
        if _STATE["pid"] != os.getpid():
            token = uuid.uuid4().hex[:12]
            _STATE.update(pid=os.getpid(), owner=f"{socket.gethostname()}:{os.getpid()}:{token}")
        return str(_STATE["owner"])


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this host (someone else's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def owner_gone(owner: str) -> bool:
    """True only when ``owner`` is known to be gone: a process of this host whose pid
    no longer exists, or this pid with another token (a former process).  An empty
    owner (a queue job, a row from before owners were kept) or another host's is
    never taken as gone here."""
    if not owner or owner == process_owner():
        return False
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isascii() or not pid.isdigit():
        return False
    return int(pid) == os.getpid() or not pid_alive(int(pid))
