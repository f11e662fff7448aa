"""A real single-node Slurm for tests: munged, slurmctld and slurmd from Debian's slurm-wlm and
munge packages, run in the foreground under a private temporary folder (own munge key and
socket, own slurm.conf, state, spool, pid and log files, free non-default ports), so that it
neither needs nor disturbs a Slurm or munge already on the machine. See docs/stack.md
("A real single-node Slurm for tests") for what made this work.

    with LocalSlurm(folder) as slurm:          # raises SlurmUnavailable if it cannot start
        job = slurm.sbatch(script)
        state = slurm.wait(job, timeout=120)   # {"JobState": "COMPLETED", "ExitCode": "0:0", ...}

Every client command gets SLURM_CONF through slurm.env. Stopping (also on errors) cancels
any job left, then stops slurmd, slurmctld and munged by their PIDs.
"""
import os
import shutil
import signal
import socket
import subprocess
import time


class SlurmUnavailable(Exception):
    """Slurm (or munge) is not installed or does not start here: the test is skipped."""


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _which(name):
    for d in ("/usr/sbin", "/usr/bin", "/sbin", "/bin"):
        p = os.path.join(d, name)
        if os.access(p, os.X_OK):
            return p
    return shutil.which(name)


class LocalSlurm:
    def __init__(self, folder):
        self.root = os.path.abspath(folder)
        self.procs = []  # (name, Popen), in start order
        self.env = dict(os.environ)
        self.tools = {}

    # --- start -----------------------------------------------------------------------------
    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def _tool(self, name):
        path = _which(name)
        if not path:
            raise SlurmUnavailable(f"{name} is not installed (Debian packages slurm-wlm and munge)")
        self.tools[name] = path
        return path

    def _run(self, *cmd, timeout=20, check=True):
        proc = subprocess.run(list(cmd), capture_output=True, text=True, env=self.env, timeout=timeout)
        if check and proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
        return proc

    def _spawn(self, name, cmd, log):
        out = open(log, "ab")
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=self.env)
        out.close()
        self.procs.append((name, proc))
        return proc

    def _log_tail(self, path, n=15):
        try:
            with open(path, errors="replace") as f:
                return "".join(f.readlines()[-n:])
        except OSError:
            return "(no log)"

    def _start(self):
        for tool in ("munged", "munge", "unmunge", "slurmctld", "slurmd", "sbatch", "squeue", "sinfo", "scontrol",
                     "scancel"):
            self._tool(tool)
        r = self.root
        munge_dir = os.path.join(r, "munge")
        os.makedirs(munge_dir, exist_ok=True)
        os.chmod(munge_dir, 0o755)  # 700 fails: "Socket is inaccessible"
        key = os.path.join(munge_dir, "munge.key")
        with open(key, "wb") as f:
            f.write(os.urandom(1024))
        os.chmod(key, 0o400)
        self.socket = os.path.join(munge_dir, "munge.socket")
        self._spawn("munged", [self.tools["munged"], "-F", "-f", f"--socket={self.socket}", f"--key-file={key}",
                               f"--log-file={os.path.join(munge_dir, 'munged.log')}",
                               f"--pid-file={os.path.join(munge_dir, 'munged.pid')}",
                               f"--seed-file={os.path.join(munge_dir, 'munged.seed')}"],
                    os.path.join(munge_dir, "munged.out"))
        deadline = time.monotonic() + 10
        while True:
            cred = subprocess.run([self.tools["munge"], "-n", "-S", self.socket], capture_output=True)
            if cred.returncode == 0 and subprocess.run([self.tools["unmunge"], "-S", self.socket], input=cred.stdout,
                                                       capture_output=True).returncode == 0:
                break
            if time.monotonic() > deadline or self.procs[-1][1].poll() is not None:
                raise SlurmUnavailable("munged did not start: " + self._log_tail(os.path.join(munge_dir, "munged.log"))
                                       + self._log_tail(os.path.join(munge_dir, "munged.out")))
            time.sleep(0.1)

        # slurm.conf for one node: this machine as `slurmd -C` describes it.
        node = self._run(self.tools["slurmd"], "-C").stdout.split("\n")[0]
        fields = dict(kv.split("=", 1) for kv in node.split() if "=" in kv)
        memory = max(100, int(int(fields.get("RealMemory", "1024")) * 0.9))
        for d in ("state", "spool", "log"):
            os.makedirs(os.path.join(r, d), exist_ok=True)
        self.conf = os.path.join(r, "slurm.conf")
        lines = [
            "ClusterName=fdtwintest",
            "SlurmctldHost=localhost",
            f"SlurmctldPort={_free_port()}",
            f"SlurmdPort={_free_port()}",
            "SlurmUser=root",
            "SlurmdUser=root",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            f"AuthInfo=socket={self.socket}",
            f"StateSaveLocation={r}/state",
            f"SlurmdSpoolDir={r}/spool",
            f"SlurmctldPidFile={r}/slurmctld.pid",
            f"SlurmdPidFile={r}/slurmd.pid",
            f"SlurmctldLogFile={r}/log/slurmctld.log",
            f"SlurmdLogFile={r}/log/slurmd.log",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            "JobAcctGatherType=jobacct_gather/none",
            "MpiDefault=none",
            "MailProg=/bin/true",
            "ReturnToService=2",
            "SchedulerType=sched/builtin",
            f"NodeName=localnode NodeHostname=localhost NodeAddr=127.0.0.1 CPUs={fields.get('CPUs', '1')} "
            f"Boards={fields.get('Boards', '1')} SocketsPerBoard={fields.get('SocketsPerBoard', '1')} "
            f"CoresPerSocket={fields.get('CoresPerSocket', '1')} ThreadsPerCore={fields.get('ThreadsPerCore', '1')} "
            f"RealMemory={memory} State=UNKNOWN",
            "PartitionName=test Nodes=localnode Default=YES MaxTime=INFINITE State=UP",
        ]
        with open(self.conf, "w") as f:
            f.write("\n".join(lines) + "\n")
        self.env["SLURM_CONF"] = self.conf
        self.cpus = int(fields.get("CPUs", "1"))

        self._spawn("slurmctld", [self.tools["slurmctld"], "-D", "-i"], os.path.join(r, "log", "slurmctld.out"))
        self._spawn("slurmd", [self.tools["slurmd"], "-D", "-N", "localnode"], os.path.join(r, "log", "slurmd.out"))
        deadline = time.monotonic() + 30
        while True:
            state = self._run(self.tools["sinfo"], "-h", "-N", "-o", "%t", check=False).stdout.strip()
            if state in ("idle", "mix", "alloc"):
                return
            for name, proc in self.procs:
                if proc.poll() is not None:
                    raise SlurmUnavailable(f"{name} stopped at start (status {proc.returncode}): "
                                           + self._log_tail(os.path.join(r, "log", f"{name}.log"))
                                           + self._log_tail(os.path.join(r, "log", f"{name}.out")))
            if time.monotonic() > deadline:
                raise SlurmUnavailable(f"the node did not become idle (sinfo: {state!r}): "
                                       + self._log_tail(os.path.join(r, "log", "slurmctld.log")))
            time.sleep(0.2)

    # --- use -------------------------------------------------------------------------------
    def sbatch(self, script, *args):
        proc = self._run(self.tools["sbatch"], "--parsable", *args, script)
        return proc.stdout.strip().split(";")[0]

    def wait(self, job, timeout=120):
        """Waits until no task of `job` is queued or running; returns `scontrol show job` of each
        array task as a list of dicts (no accounting, so no sacct)."""
        deadline = time.monotonic() + timeout
        while self._run(self.tools["squeue"], "-h", "-j", job, check=False).stdout.strip():
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job} still queued or running after {timeout} s")
            time.sleep(0.3)
        out = self._run(self.tools["scontrol"], "show", "job", "-o", job, check=False).stdout
        tasks = []
        for line in out.splitlines():
            tasks.append(dict(kv.split("=", 1) for kv in line.split() if "=" in kv))
        return tasks

    # --- stop ------------------------------------------------------------------------------
    def stop(self):
        if "scancel" in self.tools and self.env.get("SLURM_CONF"):
            try:
                self._run(self.tools["scancel"], "--full", "-u", "root", check=False, timeout=10)
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass
        for name, proc in reversed(self.procs):  # slurmd, slurmctld, then munged
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)
        self.procs = []
