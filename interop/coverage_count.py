"""Counts which public methods of the connection classes the tests call directly."""
import functools
import inspect

from not_exercised import NOT_EXERCISED, SUB_CLIENTS

_called = {}
_public = {}


def _public_methods(cls):
    return sorted(n for n, m in inspect.getmembers(cls) if not n.startswith("_") and callable(m)
                  and not inspect.isclass(m))


def install(sync_cls, async_cls, test_dir):
    prefix = str(test_dir)
    for cls in (sync_cls, async_cls):
        names = _public_methods(cls)
        _public[cls.__name__] = names
        _called[cls.__name__] = set()
        for name in names:
            wrapped = _recorder(cls.__name__, name, getattr(cls, name), prefix)
            if isinstance(inspect.getattr_static(cls, name), staticmethod):
                wrapped = staticmethod(wrapped)
            setattr(cls, name, wrapped)


def _recorder(cls_name, name, fn, prefix):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        # Only calls made by the tests count, not the library calling itself. Recorded when the
        # method is called, so for a coroutine method the caller is still the test's frame.
        caller = inspect.currentframe().f_back.f_code.co_filename
        if caller.startswith(prefix):
            _called[cls_name].add(name)
        return fn(*args, **kwargs)

    return wrapper


def report():
    lines = []
    total_n = total_m = 0
    for cls_name, names in _public.items():
        called = _called[cls_name]
        listed = NOT_EXERCISED.get(cls_name, {})
        n, m = len(called), len(names)
        total_n, total_m = total_n + n, total_m + m
        lines.append(f"{cls_name}: exercised {n} of {m} public methods")
        missing = [x for x in names if x not in called and x not in listed]
        if missing:
            lines.append(f"  not called (no test yet): {', '.join(missing)}")
        unlisted = sorted(k for k in listed if k in names and k not in called)
        lines.append(f"  listed as not exercisable ({len(unlisted)}): {', '.join(unlisted)} (reasons in not_exercised.py)")
    lines.append(f"interop: exercised {total_n} of {total_m} public methods")
    lines.append(f"not counted, not exercised: sub-clients {', '.join(sorted(SUB_CLIENTS))} (reasons in not_exercised.py)")
    return lines
