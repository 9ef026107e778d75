"""The app's server side: the kernel manager ``make app`` gives Voila, so a class can share one server.

Voila starts a kernel (about 135 MB) for each page a visitor opens. :class:`CappedKernelManager`
refuses a new one when ``max_kernels`` are running, with a polite page (HTTP 503, the template's
``503.html``: "the app is full, try again in a few minutes"), and the culling settings of Jupyter's kernel
manager stop kernels idle for ``cull_idle_timeout`` seconds (``make app`` sets both; see the README,
"Serve the app to a class"). A pre-warmed kernel waiting in Voila's pool is never culled; when a culled
kernel leaves room under the cap, the pool is topped up again.

Used as ``--VoilaConfiguration.multi_kernel_manager_class=helpers.app_server.CappedKernelManager
--CappedKernelManager.max_kernels=40``; Voila adds its pool on top of it.
"""

from __future__ import annotations

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Integer

#: What the visitor who finds the app full is told (the 503 page shows it).
FULL = "The app is full: every place is taken. Please try again in a few minutes."


class CappedKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel manager with a cap on the number of kernels (starting ones included)."""

    max_kernels = Integer(40, config=True, help="The most kernels (visitors) at once; 0 for no cap.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._starting = 0

    def running(self) -> int:
        """Kernels running or starting."""
        return len(self.list_kernel_ids()) + self._starting

    async def start_kernel(self, *args, kernel_id: str | None = None, **kwargs) -> str:
        if kernel_id is None and self.max_kernels > 0 and self.running() >= self.max_kernels:
            self.log.warning("Refused a kernel: %d of %d running", self.running(), self.max_kernels)
            raise HTTPError(503, FULL, reason="The app is full")
        self._starting += 1
        try:
            return await super().start_kernel(*args, kernel_id=kernel_id, **kwargs)
        finally:
            self._starting -= 1

    async def cull_kernel_if_idle(self, kernel_id: str):
        result = await super().cull_kernel_if_idle(kernel_id)
        pools = getattr(self, "_pools", None)
        notebook = getattr(self, "notebook_path", None)
        if pools is not None and notebook and kernel_id not in self:  # Voila's pool: drop refused fills, top up
            pool = pools.get(notebook, [])
            pool[:] = [t for t in pool if not (t.done() and (t.cancelled() or t.exception() is not None))]
            self.fill_if_needed(notebook_name=notebook)
        return result
