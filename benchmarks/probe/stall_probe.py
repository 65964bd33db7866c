"""An in-process stall probe for bench_long: how long the reader's own loop keeps a key waiting.

Polling tmux's screen (send-keys, then capture-pane every 10 ms) cannot judge a 0.1 s target:
a 20 KB document with nothing left to do read 0.15 s that way.  This probe runs inside the
real `briefing` process (loaded by `sitecustomize.py` beside it, only when bench_long puts
this folder on PYTHONPATH) and times from inside:

- key to screen: from the moment Textual's input thread made the `Key` event (`event.time`,
  right after it read the bytes), through every message pump that handled that event
  (`MessagePump._dispatch_message`, where bindings and actions run), to the first screen
  update written after the last of them (`App._display` handing the driver more than a
  cursor move) and flushed to the terminal by Textual's writer thread; beside it the loop
  thread's own CPU time over the same span (`time.thread_time()`), which a busy machine
  does not inflate: wall time far above it was spent waiting for a core or the GIL;
- loop lag: a heartbeat task on the app's event loop sleeps 5 ms at a time; each late wake
  is time in which a key would have waited (the loop was busy, or waiting for the GIL);
- stacks: a watchdog thread samples every thread's stack (`sys._current_frames()`) while
  a beat is more than 40 ms late, so a stall names the code that held the loop or the GIL;
- repaint requests: each `Widget.refresh`, scroll refresh and `App.refresh` on the loop
  thread, with the key that caused it, if any.  A Key's handlers run with that key as the
  cause (a context variable); a message takes the cause of the code that made it, and
  its handlers run with it; a task (a timer, a worker's own task) copies its maker's
  context, so a debounce or a worker a key started still counts as the key's, and an
  animation's steps (a smooth scroll) and a callback after the next refresh (a deferred
  scroll) take the cause of what started them.  What a
  worker thread hands over with `call_from_thread` has no cause: that is the background.
  A key's screen update is the first one after something it caused asked for a repaint;
  one that caused nothing (enter in the Overview's text, j on a table still empty) is not
  charged with the next update the background makes (stall_figures.py).

Nothing is patched until Textual's `textual.app` is imported (worker processes that never
import it stay untouched), and the figures are written, as JSON, to the file named by
LONGBENCH_PROBE_OUT when `App.run` returns.  With LONGBENCH_PROBE_PROFILE set too, the loop
thread runs under cProfile from the first key on, saved beside it as OUT.prof.  All times
are `time.monotonic()`, the clock bench_long uses too, so it can cut the records into
phases (loading, after, quitting).
"""

from __future__ import annotations

import asyncio
import contextvars
import cProfile
import functools
import importlib.abc
import importlib.util
import inspect
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from types import FrameType, ModuleType
from typing import Any

BEAT = 0.005
LATE = 0.040  # a beat this late gets its threads' stacks sampled
SAMPLE_EVERY = 0.020
MAX_SAMPLES = 3000
MIN_PAINT = 24  # a write shorter than this is a cursor move, not a screen change
MAX_ASKS = 400_000
# A loop callback, message handler or timer tick on the loop thread running this long is
# recorded with what it was: what a key that waited for the loop waited behind.
SLOW_RUN = 0.010
MAX_SLOW = 20_000
_now = time.monotonic
# The key (its number, from 1) whose handling led to the code running now; 0 for none.
_cause: contextvars.ContextVar[int] = contextvars.ContextVar("cause", default=0)


class _State:
    def __init__(self, out: str) -> None:
        self.out = out
        self.started = _now()
        self.last_beat = 0.0
        self.beating = False
        self.late: list[tuple[float, float]] = []  # (beat was due at, lag)
        self.beats = 0
        self.keys: dict[int, dict[str, Any]] = {}
        self._key_objects: list[object] = []  # keeps ids unique while recorded
        # (written at, characters, loop thread's CPU time then): screen updates
        self.paints: list[tuple[float, int, float]] = []
        self.flushes: list[float] = []  # writer thread flushed to the terminal
        self.samples: list[dict[str, Any]] = []
        # (asked at, the key that caused it or 0, widget class): repaint requests
        self.asks: list[tuple[float, int, str]] = []
        # (began, wall, loop thread's CPU, what): slow runs on the loop thread (SLOW_RUN)
        self.slow: list[tuple[float, float, float, str]] = []
        self.causes: dict[int, int] = {}  # id of a message not yet handled -> its cause
        self.animation_causes: dict[int, int] = {}  # id of an animation -> its cause
        self.stop = threading.Event()
        self.loop_thread = 0
        # With LONGBENCH_PROBE_PROFILE set: cProfile of the loop thread from the first key.
        self.profile: cProfile.Profile | None = None
        self.profiling = bool(os.environ.get("LONGBENCH_PROBE_PROFILE"))


STATE: _State | None = None


def _stack(frame: FrameType | None, limit: int) -> list[str]:
    summary = traceback.extract_stack(frame, limit=None)[-limit:]
    return [f"{f.filename}:{f.lineno} {f.name}" for f in summary]


def _watch(state: _State) -> None:
    """Samples every thread's stack while the heartbeat is late (a daemon thread)."""
    last_sample = 0.0
    while not state.stop.wait(BEAT):
        if not state.beating:
            continue
        now = _now()
        late = now - state.last_beat - BEAT
        if late < LATE or now - last_sample < SAMPLE_EVERY or len(state.samples) >= MAX_SAMPLES:
            continue
        last_sample = now
        names = {t.ident: t.name for t in threading.enumerate()}
        me = threading.get_ident()
        frames = sys._current_frames()
        threads = {
            names.get(ident, str(ident)): _stack(frame, 14 if ident == state.loop_thread else 8)
            for ident, frame in frames.items()
            if ident != me
        }
        main = names.get(state.loop_thread, "")
        state.samples.append({"t": now, "late": late, "loop": main, "threads": threads})


async def _heartbeat(state: _State) -> None:
    state.loop_thread = threading.get_ident()
    state.last_beat = _now()
    state.beating = True
    while not state.stop.is_set():
        due = _now() + BEAT
        await asyncio.sleep(BEAT)
        woke = _now()
        state.last_beat = woke
        state.beats += 1
        lag = woke - due
        if lag > 0.010:
            state.late.append((due, lag))


class _FlushTimer:
    """The terminal file Textual's writer thread writes to, noting when it flushed."""

    def __init__(self, file: Any, state: _State) -> None:
        self._file = file
        self._state = state

    def write(self, text: str) -> int:
        return int(self._file.write(text))

    def flush(self) -> None:
        self._file.flush()
        self._state.flushes.append(_now())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def _note_slow(state: _State, began: float, cpu: float, what: Any) -> None:
    wall = _now() - began
    if wall >= SLOW_RUN and len(state.slow) < MAX_SLOW:
        label = what() if callable(what) else str(what)
        state.slow.append((began, wall, time.thread_time() - cpu, label))


def _describe_handle(callback: Any) -> str:
    """A loop callback by name: a task step by its coroutine, else the callable."""
    task = getattr(callback, "__self__", None)
    if isinstance(task, asyncio.Task):
        coro = task.get_coro()
        return f"task {getattr(coro, '__qualname__', repr(coro))}"
    return f"call {getattr(callback, '__qualname__', repr(callback))}"


def _time_loop_runs(state: _State) -> None:
    """Every callback the event loop runs, timed: a slow one is noted (loop thread only)."""
    handle_run = asyncio.events.Handle._run

    def timed_run(self: Any) -> None:
        if threading.get_ident() != state.loop_thread:
            handle_run(self)
            return
        callback = self._callback
        began, cpu = _now(), time.thread_time()
        try:
            handle_run(self)
        finally:
            _note_slow(state, began, cpu, lambda: _describe_handle(callback))

    asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]


def _patch(app_module: ModuleType, state: _State) -> None:
    from textual import events
    from textual.drivers import _writer_thread
    from textual.message import Message
    from textual.message_pump import MessagePump

    app_class = app_module.App

    writer_init = _writer_thread.WriterThread.__init__

    def init_writer(self: Any, file: Any) -> None:
        writer_init(self, _FlushTimer(file, state))

    _writer_thread.WriterThread.__init__ = init_writer  # type: ignore[method-assign]

    dispatch = MessagePump._dispatch_message

    message_init = Message.__init__

    def init_message(self: Any, *args: Any, **kwargs: Any) -> None:
        message_init(self, *args, **kwargs)
        if len(state.causes) > MAX_ASKS:
            state.causes.clear()
        state.causes[id(self)] = _cause.get()

    Message.__init__ = init_message  # type: ignore[method-assign]

    # An animation (a smooth scroll) steps in the animator's task, made at start: each
    # step runs with the cause of the code that started the animation.
    from textual._animator import Animator

    animate = Animator._animate
    stepping: set[type] = set()

    def step_with_cause(kind: type) -> None:
        step = kind.__call__

        def stepped(self: Any, *args: Any, **kwargs: Any) -> Any:
            token = _cause.set(state.animation_causes.get(id(self), 0))
            try:
                return step(self, *args, **kwargs)
            finally:
                _cause.reset(token)

        kind.__call__ = stepped
        stepping.add(kind)

    def animate_noted(self: Any, obj: object, attribute: str, *args: Any, **kwargs: Any) -> None:
        animate(self, obj, attribute, *args, **kwargs)
        animation = self._animations.get((id(obj), attribute))
        if animation is not None:
            if type(animation) not in stepping:
                step_with_cause(type(animation))
            if len(state.animation_causes) > MAX_ASKS:
                state.animation_causes.clear()
            state.animation_causes[id(animation)] = _cause.get()

    Animator._animate = animate_noted  # type: ignore[method-assign]

    # A callback after the next refresh (Textual's deferred scroll_to) runs in the
    # compositor's task: it runs with the cause of the code that asked for it.
    after_refresh = MessagePump.call_after_refresh

    def call_after_refresh(self: Any, callback: Any, *args: Any, **kwargs: Any) -> bool:
        cause = _cause.get()
        if inspect.iscoroutinefunction(callback):

            @functools.wraps(callback)
            async def later(*inner: Any, **named: Any) -> Any:
                token = _cause.set(cause)
                try:
                    return await callback(*inner, **named)
                finally:
                    _cause.reset(token)

        else:

            @functools.wraps(callback)
            def later(*inner: Any, **named: Any) -> Any:
                token = _cause.set(cause)
                try:
                    return callback(*inner, **named)
                finally:
                    _cause.reset(token)

        return bool(after_refresh(self, later, *args, **kwargs))

    MessagePump.call_after_refresh = call_after_refresh  # type: ignore[method-assign]

    async def dispatch_message(self: Any, message: Any) -> None:
        if not isinstance(message, events.Key):
            # `get`, not `pop`: a message that bubbles is handled again by each parent.
            token = _cause.set(state.causes.get(id(message), 0))
            began, cpu = _now(), time.thread_time()
            try:
                await dispatch(self, message)
            finally:
                _cause.reset(token)
                kind = f"{type(self).__name__} <- {type(message).__name__}"
                _note_slow(state, began, cpu, "message " + kind)
            return
        record = state.keys.get(id(message))
        if state.profiling and state.profile is None:
            state.profile = cProfile.Profile()
            state.profile.enable()
        if record is None:
            state._key_objects.append(message)
            record = state.keys[id(message)] = {
                "key": message.key,
                "made": message.time,
                "first": _now(),
                "last": 0.0,
                "cpu_first": time.thread_time(),
                "cpu_last": 0.0,
                "n": len(state.keys) + 1,
            }
        token = _cause.set(record["n"])
        try:
            await dispatch(self, message)
        finally:
            _cause.reset(token)
            record["last"] = _now()
            record["cpu_last"] = time.thread_time()

    MessagePump._dispatch_message = dispatch_message  # type: ignore[method-assign]

    def noting(method: Any) -> Any:
        def asked(self: Any, *args: Any, **kwargs: Any) -> Any:
            if threading.get_ident() == state.loop_thread and len(state.asks) < MAX_ASKS:
                state.asks.append((_now(), _cause.get(), type(self).__name__))
            return method(self, *args, **kwargs)

        return asked

    from textual.widget import Widget

    Widget.refresh = noting(Widget.refresh)  # type: ignore[method-assign]
    Widget._refresh_scroll = noting(Widget._refresh_scroll)  # type: ignore[method-assign]
    app_class.refresh = noting(app_class.refresh)

    from textual.timer import Timer

    tick = Timer._tick

    async def timed_tick(self: Any, *args: Any, **kwargs: Any) -> None:
        began, cpu = _now(), time.thread_time()
        try:
            await tick(self, *args, **kwargs)
        finally:
            what = getattr(self._callback, "__qualname__", self.name)
            _note_slow(state, began, cpu, f"timer {what}")

    Timer._tick = timed_tick  # type: ignore[method-assign]

    from_thread = app_class.call_from_thread

    def call_from_thread(self: Any, callback: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(callback, "__qualname__", repr(callback))

        def timed(*inner: Any, **named: Any) -> Any:
            began, cpu = _now(), time.thread_time()
            try:
                return callback(*inner, **named)
            finally:
                _note_slow(state, began, cpu, f"from thread {name}")

        return from_thread(self, timed, *args, **kwargs)

    app_class.call_from_thread = call_from_thread

    display = app_class._display

    def display_and_note(self: Any, screen: Any, renderable: Any) -> None:
        driver = self._driver
        if driver is not None and "write" not in vars(driver):
            write = driver.write

            def noted_write(data: str) -> None:
                write(data)
                if len(data) >= MIN_PAINT and threading.get_ident() == state.loop_thread:
                    state.paints.append((_now(), len(data), time.thread_time()))

            driver.write = noted_write
        display(self, screen, renderable)

    app_class._display = display_and_note

    process = app_class._process_messages

    async def process_messages(self: Any, *args: Any, **kwargs: Any) -> None:
        task = asyncio.get_running_loop().create_task(_heartbeat(state))
        state.loop_thread = threading.get_ident()
        _time_loop_runs(state)
        try:
            await process(self, *args, **kwargs)
        finally:
            state.stop.set()
            task.cancel()

    app_class._process_messages = process_messages

    run = app_class.run

    def run_and_report(self: Any, *args: Any, **kwargs: Any) -> Any:
        threading.Thread(target=_watch, args=(state,), name="stall-probe", daemon=True).start()
        try:
            return run(self, *args, **kwargs)
        finally:
            state.stop.set()
            if state.profile is not None:
                state.profile.disable()
                state.profile.dump_stats(state.out + ".prof")
            _write(state)

    app_class.run = run_and_report


def _write(state: _State) -> None:
    report = {
        "pid": os.getpid(),
        "started": state.started,
        "ended": _now(),
        "beat": BEAT,
        "beats": state.beats,
        "switch_interval": sys.getswitchinterval(),
        "late": state.late,
        "keys": sorted(state.keys.values(), key=lambda k: float(k["made"])),
        "paints": state.paints,
        "flushes": state.flushes,
        "samples": state.samples,
        "asks": state.asks,
        "slow": state.slow,
    }
    # The bench made the folder; a file planted there by name is not followed.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
    fd = os.open(state.out, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        json.dump(report, file)


class _PatchOnImport(importlib.abc.MetaPathFinder):
    """Patches `textual.app` as it is imported, so processes without Textual stay untouched."""

    def __init__(self, state: _State) -> None:
        self.state = state

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> Any:
        if name != "textual.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader: Any = spec.loader
        execute = loader.exec_module
        state = self.state

        def exec_module(module: ModuleType) -> None:
            execute(module)
            _patch(module, state)

        loader.exec_module = exec_module
        return spec


def install(out: str) -> None:
    global STATE
    if STATE is not None or "textual.app" in sys.modules:
        return
    STATE = _State(out)
    sys.meta_path.insert(0, _PatchOnImport(STATE))
