#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal and drives it like a person at a keyboard.

Usage: pty-run.py SCRIPT_JSON -- COMMAND [ARGS...]
SCRIPT_JSON is a list of steps {"expect": "<regex>", "send": "<text>"}: wait until the output
(since the previous match) matches the regex, then type the text. Prints one JSON object
{"output": <everything the terminal showed>, "code": <exit status>, "timedOut": <bool>}.
Used by the CLI's end-to-end tests for the login prompts and the GSQL shell.
"""
import json, os, pty, re, select, signal, struct, sys, time, fcntl, termios

ANSI = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r')

def main():
    sep = sys.argv.index('--')
    steps = json.loads(sys.argv[1])
    timeout = float(os.environ.get('PTY_TIMEOUT', '30'))
    cmd = sys.argv[sep + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    output = b''
    cursor = 0
    deadline = time.time() + timeout
    timed_out = False
    step = 0
    alive = True
    while alive and time.time() < deadline:
        if step < len(steps):
            # Prompts are matched on what a person reads: escape sequences and \r removed.
            text = ANSI.sub('', output.decode('utf-8', 'replace'))
            m = re.search(steps[step]['expect'], text[cursor:])
            if m:
                cursor += m.end()
                time.sleep(float(steps[step].get('delay', 0.05)))
                os.write(fd, steps[step]['send'].encode())
                step += 1
                continue
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b''
            if not chunk:
                alive = False
            output += chunk
    if alive:
        timed_out = True
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({'output': output.decode('utf-8', 'replace'), 'code': code, 'timedOut': timed_out, 'stepsDone': step}))

main()
