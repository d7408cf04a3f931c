"""Fixes to Rasa 3.6's hot path, found by profiling (see docs/performance.md).

None changes a result. The first five stop Rasa from redoing, on every message, work whose outcome
never changes; the last one changes only the order in which waiting messages get the processor:

1. Custom action replies. `RemoteAction._validate_action_result` calls `jsonschema.validate()`,
   which first validates Rasa's own (constant) response schema against the JSON Schema
   meta-schema, then builds a validator, on every custom-action call: about 15 ms of a 35 ms
   contact look-up. Here the validator is built and the schema checked once; every reply is still
   validated against the same schema and an invalid one raises the same `ValidationError`.
2. Intent classification. `LogisticRegressionClassifier` multiplies the message's sparse features
   by `coef_.T`; scikit-learn stores `coef_` row-major, so the transpose is column-major and scipy
   copies the whole matrix (intents x n-gram features, ~10 MB here) to make it contiguous, on
   every message. Storing `coef_` column-major once at load makes the transpose contiguous: same
   numbers, same products, no copy.
3. Calls to the action server. `EndpointConfig.session()` builds a new aiohttp session, hence a
   new connection pool, for every request: each custom action pays a DNS look-up in a thread, a
   TCP connect and their trips through the event loop, where under load it queues behind every
   other message each time. Here the sessions of one event loop share one connection pool, so
   connections to the action server are kept alive and reused (for at most 2 s idle, below the
   5 s after which the action server's Sanic closes them). Same requests, same timeouts.
4. Reading a conversation. For every stored event, `Event.resolve_by_type` walks the whole tree
   of event classes (`all_subclasses(Event)`, with an `inspect.isabstract` per class) to find the
   class of a type name: 4 % of the server's time. Here the walk's answer is remembered per type
   name; an unknown name walks the tree again (a class imported since is found as before).
5. Running the model's graphs. Rasa runs the NLU graph, then the policies' graph two or three
   times, for every message, through dask's generic scheduler, and recomputes which nodes a run
   needs each time: 10-15 % of the server's time went to that bookkeeping. Here the same nodes run
   in the same dependency order, directly, and each run's node set is remembered per target list.
6. Fairness under load. Sanic hands the event loop a batch of new requests at once; a message
   that waited for the action server resumes only after all of them, so under load the messages
   with a custom action took 3x longer than the others. A new message now yields to the event
   loop a few times before starting, so messages already in progress finish first. Nothing
   changes for a single conversation (the yields cost microseconds).

Applied once, on import (components/tracker_store.py imports this module, so every Rasa server
that uses this project's tracker store gets them), and only on the Rasa version they were written
against: on any other version they are skipped with a log line, and Rasa's own code runs.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Set, Text

logger = logging.getLogger(__name__)

PATCHED_RASA = "3.6."
_applied = False
_originals: List[tuple] = []  # (fix, owner, attribute, original value), to revert()
# The fixes by name, in the order of the module docstring (bench/ measures each one's effect).
FIXES = ("validate-once", "lr-layout", "action-pool", "event-classes", "direct-graph",
         "new-messages-yield")


def _patch(fix: str, owner: Any, name: str, new: Any) -> None:
    _originals.append((fix, owner, name, owner.__dict__[name]))
    setattr(owner, name, new)


def _cached_validate_action_result() -> None:
    from rasa.core.actions.action import RemoteAction

    original = RemoteAction._validate_action_result
    validators: Dict[type, Any] = {}

    def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        from jsonschema import ValidationError, exceptions, validators as jsonschema_validators

        validator = validators.get(type(self))
        if validator is None:
            schema = self.action_response_format_spec()
            cls = jsonschema_validators.validator_for(schema)
            cls.check_schema(schema)  # once, as jsonschema.validate() does on every call
            validator = validators[type(self)] = cls(schema)
        error = exceptions.best_match(validator.iter_errors(result))
        if error is None:
            return True
        if not isinstance(error, ValidationError):
            raise error
        # The same message Rasa's own method builds.
        return original(self, result)

    _patch("validate-once", RemoteAction, "_validate_action_result", _validate_action_result)


def _column_major_logistic_regression() -> None:
    import numpy as np
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

    original_load = LogisticRegressionClassifier.load.__func__

    def load(cls: type, *args: Any, **kwargs: Any) -> LogisticRegressionClassifier:
        component = original_load(cls, *args, **kwargs)
        clf = getattr(component, "clf", None)
        if clf is not None and hasattr(clf, "coef_"):
            clf.coef_ = np.asfortranarray(clf.coef_)
        return component

    _patch("lr-layout", LogisticRegressionClassifier, "load", classmethod(load))


def _remembered_event_classes() -> None:
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event

    original = Event.resolve_by_type
    classes: Dict[Text, Any] = {}

    def resolve_by_type(type_name: Text, default: Any = None) -> Any:
        found = classes.get(type_name)
        if found is None:
            # The walk Rasa does: the first non-abstract subclass with that type name.
            for cls in rasa.shared.utils.common.all_subclasses(Event):
                if cls.type_name == type_name:
                    found = classes[type_name] = cls
                    break
        if found is not None:
            return found
        return original(type_name, default)  # "topic", a default, or Rasa's own error

    _patch("event-classes", Event, "resolve_by_type", staticmethod(resolve_by_type))


def _direct_graph_runs() -> None:
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    def execute(graph: Dict[Text, Any], targets: List[Text]) -> tuple:
        """dask.get for Rasa's graphs: a node is (callable, *names of the nodes it needs)."""
        done: Dict[Text, Any] = {}

        def value(key: Text) -> Any:
            if key not in done:
                task = graph[key]
                if type(task) is tuple and task and callable(task[0]):
                    done[key] = task[0](*(value(a) if isinstance(a, str) and a in graph else a
                                          for a in task[1:]))
                else:
                    done[key] = task  # an input: (name, value)
            return done[key]

        return tuple(value(target) for target in targets)

    def run(self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        graphs = self.__dict__.setdefault("_graphs_by_targets", {})
        key = tuple(run_targets)
        if key not in graphs:
            graphs[key] = self._build_dask_graph(
                self._graph_schema.minimal_graph_schema(run_targets))
        run_graph = dict(graphs[key])
        if inputs:
            self._add_inputs_to_graph(inputs, run_graph)
        try:
            return dict(execute(run_graph, run_targets))
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e

    _patch("direct-graph", DaskGraphRunner, "run", run)


# Measured at 20 conversations (docs/performance.md): p95 ~440 ms with 0, ~285 with 3, ~235-295
# with 6, no better with 10 or 20.
YIELDS_BEFORE_A_NEW_MESSAGE = 6


def _messages_in_progress_first() -> None:
    import asyncio

    from rasa.core.agent import Agent

    original = Agent.handle_message

    async def handle_message(self: Agent, message: Any) -> Any:
        for _ in range(YIELDS_BEFORE_A_NEW_MESSAGE):
            await asyncio.sleep(0)
        return await original(self, message)

    _patch("new-messages-yield", Agent, "handle_message", handle_message)


KEEPALIVE_SECONDS = 2.0


def _shared_connection_pool() -> None:
    import asyncio
    import weakref

    import aiohttp
    from rasa.utils import endpoints

    original_session = endpoints.EndpointConfig.session
    pools: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.TCPConnector]" = \
        weakref.WeakKeyDictionary()

    def session(self: endpoints.EndpointConfig) -> aiohttp.ClientSession:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return original_session(self)
        pool = pools.get(loop)
        if pool is None or pool.closed:
            pool = pools[loop] = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS)
        auth = None
        if self.basic_auth:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
        return aiohttp.ClientSession(
            headers=self.headers, auth=auth,
            timeout=aiohttp.ClientTimeout(total=endpoints.DEFAULT_REQUEST_TIMEOUT),
            connector=pool, connector_owner=False)

    _patch("action-pool", endpoints.EndpointConfig, "session", session)


def apply() -> bool:
    """Applies the fixes once; returns whether they are in place."""
    global _applied
    if _applied:
        return True
    import rasa

    if not rasa.__version__.startswith(PATCHED_RASA):
        logger.info("Rasa %s: speed-ups written for %sx not applied.", rasa.__version__,
                    PATCHED_RASA)
        return False
    _cached_validate_action_result()
    _column_major_logistic_regression()
    _shared_connection_pool()
    _remembered_event_classes()
    _direct_graph_runs()
    _messages_in_progress_first()
    _applied = True
    return True


def revert(fixes: Optional[Set[str]] = None) -> None:
    """Puts Rasa's own code back, for every fix or the ones named (bench/ measures them so)."""
    for entry in reversed(list(_originals)):
        fix, owner, name, original = entry
        if fixes is None or fix in fixes:
            setattr(owner, name, original)
            _originals.remove(entry)


apply()
