#!/usr/bin/env python3
"""Load on the contract dashboard: USERS signed-in contract managers (demo sign-in) each asking for
/acm/dashboards/contracts/CONTRACT as fast as the server answers, for SECONDS; prints p50 and p95.
usage: dashboard-load.py BASE_URL CONTRACT [USERS] [SECONDS]"""
import http.cookiejar, re, sys, threading, time, urllib.parse, urllib.request

base, contract = sys.argv[1].rstrip("/"), sys.argv[2]
users = int(sys.argv[3]) if len(sys.argv) > 3 else 50
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 60

def signed_in():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/signin").read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"__RequestVerificationToken": token, "UserName": "contracts@demo", "Purpose": "contract management"}).encode()
    opener.open(base + "/signin?handler=Demo", data).read()
    return opener

latencies, errors, lock = [], [0], threading.Lock()
openers = [signed_in() for _ in range(users)]
for o in openers:  # one warm-up request each
    o.open(f"{base}/acm/dashboards/contracts/{contract}").read()
stop = time.monotonic() + seconds

def work(opener):
    while time.monotonic() < stop:
        started = time.perf_counter()
        try:
            with opener.open(f"{base}/acm/dashboards/contracts/{contract}") as response:
                response.read()
                ok = response.status == 200
        except Exception:
            ok = False
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            if ok:
                latencies.append(elapsed)
            else:
                errors[0] += 1

threads = [threading.Thread(target=work, args=(o,)) for o in openers]
for t in threads: t.start()
for t in threads: t.join()
latencies.sort()
def pct(p): return latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies))) )] if latencies else float("nan")
print(f"{users} users, {seconds:.0f} s: {len(latencies)} answers ({len(latencies) / seconds:.1f}/s), {errors[0]} errors; p50 {pct(50):.0f} ms, p95 {pct(95):.0f} ms, max {latencies[-1] if latencies else float('nan'):.0f} ms")
