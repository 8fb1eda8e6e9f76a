"""The NetworkX baseline of the `network` benchmark (run by bench/lib/network/networkx.ts).

Runs with Debian's /usr/bin/python3 and python3-networkx on the benchmark's edge list
("u v weight" per line, nodes 0..n-1), and writes its results as JSON to --out after every
stage, so that a run stopped by the timeout still reports what it finished. Progress goes to
stderr. Reading the graph is timed apart and is not part of any algorithm's time.

Stages, each timed alone with time.perf_counter():
  louvain       nx.community.louvain_communities(G, weight='weight', resolution=1,
                threshold=1e-7, seed=SEED), then nx.community.modularity of that partition.
                louvain_communities is the last partition of louvain_partitions (NetworkX
                2.8 and 3.x: `deque(louvain_partitions(...), maxlen=1).pop()`); this script
                iterates louvain_partitions itself to print a line per level: the same work.
                Then, untimed, the modularity of the partition in --ours-labels (the
                benchmark's own Louvain), by the same nx.community.modularity on the same G,
                so that the two modularities never depend on either implementation's
                modularity code.
  betweenness   nx.betweenness_centrality(G, k=K, seed=SEED, normalized=True): NetworkX's own
                sample. NetworkX picks the k sources as `seed.sample(list(G.nodes()), k)` with
                seed = random.Random(SEED); G's nodes are added as 0..n-1 first, so that is
                random.Random(SEED).sample(range(n), K).
  betweenness_pivots
                the same call with the sources of --pivots (the list the benchmark's own
                betweenness used): a random.Random whose sample() returns that list is passed as
                seed, so NetworkX's public code path runs unchanged (BFS from each source,
                Brandes' accumulation, rescaling by n / (k (n-1)(n-2))) on exactly those sources.
  pagerank      nx.pagerank(G, alpha=0.85, tol=1e-6, weight='weight').
  pagerank_tight
                the same with tol=--tight-tol (1e-10) and max_iter=1000: NetworkX stops once
                an iteration changes the scores by less than n * tol in L1, which tol=1e-6
                makes 0.2 at 200k nodes (two iterations); this one converges.

Vectors (betweenness, PageRank) are written as little-endian float64 files, node i at i, and
the Louvain partition as community labels, one line per node.
"""

import argparse
import json
import os
import random
import sys
import time
from array import array

import networkx as nx


def log(message):
    sys.stderr.write(f"[nx] {message}\n")
    sys.stderr.flush()


class Progress:
    """Iterates `items`, printing a line every `every` items with the elapsed time."""

    def __init__(self, items, label, every):
        self.items = list(items)
        self.label = label
        self.every = every

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        started = time.perf_counter()
        for i, item in enumerate(self.items):
            yield item
            if (i + 1) % self.every == 0 or i + 1 == len(self.items):
                log(f"{self.label}: {i + 1}/{len(self.items)} sources, {time.perf_counter() - started:.1f} s")


class SampleWithProgress(random.Random):
    """random.Random(seed) whose sample() is the same draw, reported as it is used."""

    def __init__(self, seed, label):
        super().__init__(seed)
        self.label = label

    def sample(self, population, k, **kwargs):
        return Progress(super().sample(population, k, **kwargs), self.label, max(1, k // 10))


class GivenSources(random.Random):
    """Makes NetworkX's `seed.sample(nodes, k)` return a given list of sources."""

    def __init__(self, sources, label):
        super().__init__(0)
        self.sources = sources
        self.label = label

    def sample(self, population, k, **kwargs):
        if k != len(self.sources):
            raise ValueError(f"asked for {k} sources, {len(self.sources)} given")
        return Progress(self.sources, self.label, max(1, k // 10))


def write_vector(path, values):
    a = array("d", values)
    if sys.byteorder != "little":
        a.byteswap()
    with open(path, "wb") as f:
        a.tofile(f)


def top(scores, n=20):
    """The n highest-scoring nodes, ties broken by the lower node id."""
    order = sorted(range(len(scores)), key=lambda v: (-scores[v], v))
    return [[v, scores[v]] for v in order[:n]]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--edges", required=True)
    p.add_argument("--nodes", type=int, required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--pivots", required=True, help="file: the benchmark's sources, one per line")
    p.add_argument("--ours-labels", required=True, help="file: the benchmark's communities")
    p.add_argument("--out-dir", required=True)
    p.add_argument("--tight-tol", type=float, default=1e-10)
    p.add_argument(
        "--stages", default="louvain,betweenness,betweenness_pivots,pagerank,pagerank_tight"
    )
    args = p.parse_args()
    stages = args.stages.split(",")
    out = os.path.join(args.out_dir, "nx.json")
    result = {
        "python": sys.version.split()[0],
        "networkx": nx.__version__,
        "executable": sys.executable,
        "done": [],
    }
    try:
        # nx.pagerank imports SciPy's sparse matrices on its first call: imported here, untimed,
        # as reading is, so that the first PageRank does not pay for loading a library.
        import scipy
        import scipy.sparse

        result["scipy"] = scipy.__version__
    except ImportError:
        result["scipy"] = None

    def save():
        with open(out + ".partial", "w") as f:
            json.dump(result, f, indent=1)
        os.replace(out + ".partial", out)

    n = args.nodes
    t = time.perf_counter()
    G = nx.Graph()
    G.add_nodes_from(range(n))
    with open(args.edges) as f:
        G.add_weighted_edges_from(
            (int(u), int(v), float(w)) for u, v, w in (line.split() for line in f)
        )
    result["read_s"] = time.perf_counter() - t
    result["nodes"] = G.number_of_nodes()
    result["edges"] = G.number_of_edges()
    log(f"read {result['nodes']} nodes, {result['edges']} edges in {result['read_s']:.1f} s")
    save()

    if "louvain" in stages:
        log("louvain_communities: started")
        t = time.perf_counter()
        levels = 0
        communities = None
        for partition in nx.community.louvain_partitions(
            G, weight="weight", resolution=1, threshold=1e-7, seed=args.seed
        ):
            levels += 1
            communities = partition
            log(f"louvain level {levels}: {len(partition)} communities, {time.perf_counter() - t:.1f} s")
        louvain_s = time.perf_counter() - t
        t = time.perf_counter()
        q = nx.community.modularity(G, communities, weight="weight", resolution=1)
        modularity_s = time.perf_counter() - t
        labels = [0] * n
        for c, members in enumerate(sorted(communities, key=lambda c: min(c))):
            for v in members:
                labels[v] = c
        with open(os.path.join(args.out_dir, "nx-labels.txt"), "w") as f:
            f.write("".join(f"{c}\n" for c in labels))
        with open(args.ours_labels) as f:
            ours = [int(x) for x in f]
        groups = {}
        for v, c in enumerate(ours):
            groups.setdefault(c, set()).add(v)
        t = time.perf_counter()
        q_ours = nx.community.modularity(G, list(groups.values()), weight="weight", resolution=1)
        result["louvain"] = {
            "louvain_s": louvain_s,
            "modularity_s": modularity_s,
            "seconds": louvain_s + modularity_s,
            "levels": levels,
            "communities": len(communities),
            "modularity": q,
            "ours_communities": len(groups),
            "ours_modularity": q_ours,
            "ours_modularity_s": time.perf_counter() - t,
        }
        result["done"].append("louvain")
        log(
            f"louvain: {louvain_s:.1f} s + modularity {modularity_s:.1f} s, {len(communities)} communities, Q {q:.5f}; ours by nx.modularity: Q {q_ours:.5f}"
        )
        save()

    with open(args.pivots) as f:
        pivots = [int(x) for x in f]
    k = len(pivots)

    if "betweenness" in stages:
        t = time.perf_counter()
        bc = nx.betweenness_centrality(
            G, k=k, normalized=True, seed=SampleWithProgress(args.seed, "betweenness (own sample)")
        )
        seconds = time.perf_counter() - t
        scores = [bc[v] for v in range(n)]
        write_vector(os.path.join(args.out_dir, "nx-betweenness.f64"), scores)
        result["betweenness"] = {
            "seconds": seconds,
            "k": k,
            "sources": random.Random(args.seed).sample(list(G.nodes()), k),
            "top20": top(scores),
        }
        result["done"].append("betweenness")
        log(f"betweenness (own sample of {k}): {seconds:.1f} s")
        save()

    if "betweenness_pivots" in stages:
        t = time.perf_counter()
        bc = nx.betweenness_centrality(
            G, k=k, normalized=True, seed=GivenSources(pivots, "betweenness (benchmark's sources)")
        )
        seconds = time.perf_counter() - t
        scores = [bc[v] for v in range(n)]
        write_vector(os.path.join(args.out_dir, "nx-betweenness-pivots.f64"), scores)
        result["betweenness_pivots"] = {"seconds": seconds, "k": k, "top20": top(scores)}
        result["done"].append("betweenness_pivots")
        log(f"betweenness (the benchmark's {k} sources): {seconds:.1f} s")
        save()

    if "pagerank" in stages:
        log("pagerank: started")
        t = time.perf_counter()
        pr = nx.pagerank(G, alpha=0.85, tol=1e-6, weight="weight")
        seconds = time.perf_counter() - t
        scores = [pr[v] for v in range(n)]
        write_vector(os.path.join(args.out_dir, "nx-pagerank.f64"), scores)
        result["pagerank"] = {"seconds": seconds, "top20": top(scores)}
        result["done"].append("pagerank")
        log(f"pagerank: {seconds:.1f} s")
        save()

    if "pagerank_tight" in stages:
        # tol=1e-6 stops once an iteration moves the scores by less than n * 1e-6 in L1: 0.2
        # at 200k nodes, two iterations from the uniform start. The same call to a tolerance
        # that converges, for a speed and agreement figure of PageRank proper.
        log(f"pagerank (tol {args.tight_tol}): started")
        t = time.perf_counter()
        pr = nx.pagerank(G, alpha=0.85, tol=args.tight_tol, weight="weight", max_iter=1000)
        seconds = time.perf_counter() - t
        scores = [pr[v] for v in range(n)]
        write_vector(os.path.join(args.out_dir, "nx-pagerank-tight.f64"), scores)
        result["pagerank_tight"] = {"seconds": seconds, "tol": args.tight_tol, "top20": top(scores)}
        result["done"].append("pagerank_tight")
        log(f"pagerank (tol {args.tight_tol}): {seconds:.1f} s")
        save()


if __name__ == "__main__":
    main()
