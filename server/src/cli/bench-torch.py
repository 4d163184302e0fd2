"""The SPEC section 3 network in PyTorch, timed like `npm run bench` does (median ms per Adam step).

Run by src/cli/bench.ts only when `import torch` works; prints one JSON object. Never a dependency.
"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 5, padding=2)   # SAME
        self.conv2 = nn.Conv2d(32, 32, 3)             # VALID: 32 -> 30
        self.conv3 = nn.Conv2d(32, 64, 3, padding=1)  # SAME (15 -> 15)
        self.conv4 = nn.Conv2d(64, 64, 3)             # VALID: 15 -> 13
        self.fc1 = nn.Linear(6 * 6 * 64, 512)
        self.fc2 = nn.Linear(512, classes)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)  # 30 -> 15 (SAME and VALID agree)
        x = F.relu(self.conv3(x))
        x = F.max_pool2d(F.relu(self.conv4(x)), 2, 2)  # 13 -> 6 (VALID)
        return self.fc2(F.relu(self.fc1(torch.flatten(x, 1))))


def main():
    batch, iterations, warmup, threads = (int(a) for a in sys.argv[1:5])
    torch.set_num_threads(threads)
    torch.manual_seed(99)
    net = Net(10)
    optimizer = torch.optim.Adam(net.parameters(), lr=3e-4)
    x = torch.rand(batch, 3, 32, 32)
    y = torch.randint(0, 10, (batch,))
    times = []
    cpu_times = []
    for i in range(warmup + iterations):
        start = time.perf_counter()
        cpu_start = time.process_time()
        optimizer.zero_grad()
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        optimizer.step()
        loss.item()
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1000)
            # CPU time of the process (all threads), like the tfjs cases' cpu ms/step: steadier on a shared machine.
            cpu_times.append((time.process_time() - cpu_start) * 1000)
    print(json.dumps({"msPerStep": statistics.median(times), "cpuMsPerStep": statistics.median(cpu_times), "threads": threads, "version": torch.__version__}))


if __name__ == "__main__":
    main()
