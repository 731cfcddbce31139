#!/usr/bin/env bash
# Starts the four-validator local testnet (Alice, Bob, Charlie, Dave; `--chain local`) on
# loopback ports and shows blocks being produced and finalized.
#
#   scripts/local-testnet.sh            start, watch heads until Ctrl-C, then stop the nodes
#   scripts/local-testnet.sh --detach   start, wait until blocks finalize, return (nodes keep running)
#   scripts/local-testnet.sh status     print each node's best and finalized block
#   scripts/local-testnet.sh stop       stop the nodes
#
# Environment (defaults in brackets):
#   ZKINFER_NODE            the node binary [$CARGO_TARGET_DIR/release/zkinfer-node]
#   ZKINFER_NET_DIR         base paths, node keys, logs, pid files [${TMPDIR:-/tmp}/zkinfer-local-testnet]
#   ZKINFER_NET_P2P_PORT    first p2p port; node i uses +i [30333]
#   ZKINFER_NET_RPC_PORT    first RPC port; node i uses +i [9944]
#   ZKINFER_NET_PROM_PORT   first Prometheus port; node i uses +i [9615]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
: "${CARGO_TARGET_DIR:=$HOME/.cache/zkinfer-target}"
node_bin=${ZKINFER_NODE:-$CARGO_TARGET_DIR/release/zkinfer-node}
net_dir=${ZKINFER_NET_DIR:-${TMPDIR:-/tmp}/zkinfer-local-testnet}
p2p_port=${ZKINFER_NET_P2P_PORT:-30333}
rpc_port=${ZKINFER_NET_RPC_PORT:-9944}
prom_port=${ZKINFER_NET_PROM_PORT:-9615}
names=(alice bob charlie dave)

rpc() { # rpc PORT METHOD [PARAMS-JSON]
	curl -s --max-time 3 -H 'content-type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" "http://127.0.0.1:$1"
}

json_field() { # reads JSON on stdin, prints the value at a dotted path (python3 is on every dev machine)
	python3 -c 'import json,sys
v=json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v=v[k]
print(v)' "$1"
}

heads() { # heads PORT -> "best finalized"
	local best fin_hash fin
	best=$(rpc "$1" chain_getHeader | json_field result.number) || return 1
	fin_hash=$(rpc "$1" chain_getFinalizedHead | json_field result) || return 1
	fin=$(rpc "$1" chain_getHeader "[\"$fin_hash\"]" | json_field result.number) || return 1
	echo "$((best)) $((fin))"
}

status() {
	local i
	for i in "${!names[@]}"; do
		local name=${names[$i]} port=$((rpc_port + i)) h
		if h=$(heads "$port" 2>/dev/null); then
			set -- $h
			printf '%-8s best #%-6s finalized #%-6s (rpc 127.0.0.1:%s)\n' "$name" "$1" "$2" "$port"
		else
			printf '%-8s down\n' "$name"
		fi
	done
}

stop() {
	local name pid
	for name in "${names[@]}"; do
		if [[ -f $net_dir/$name.pid ]]; then
			pid=$(cat "$net_dir/$name.pid")
			kill "$pid" 2>/dev/null || true
			for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
			kill -9 "$pid" 2>/dev/null || true
			rm -f "$net_dir/$name.pid"
		fi
	done
}

start() {
	if [[ ! -x $node_bin ]]; then
		echo "zkinfer-node not found at $node_bin: build it with 'cargo build --release -p zkinfer-node'" >&2
		exit 1
	fi
	stop
	mkdir -p "$net_dir"
	local i bootnode=""
	for i in "${!names[@]}"; do
		local name=${names[$i]}
		# Fixed network keys, so Alice's peer id (the bootnode) is known in advance.
		printf '%064x' $((i + 1)) > "$net_dir/$name.node-key"
		rm -rf "$net_dir/$name"
		local args=(
			--chain local "--$name"
			--base-path "$net_dir/$name"
			--node-key-file "$net_dir/$name.node-key"
			--listen-addr "/ip4/127.0.0.1/tcp/$((p2p_port + i))"
			--rpc-port "$((rpc_port + i))"
			--prometheus-port "$((prom_port + i))"
			--no-telemetry --no-mdns
		)
		if [[ -n $bootnode ]]; then args+=(--bootnodes "$bootnode"); fi
		"$node_bin" "${args[@]}" > "$net_dir/$name.log" 2>&1 &
		echo $! > "$net_dir/$name.pid"
		if [[ -z $bootnode ]]; then
			local peer_id
			peer_id=$("$node_bin" key inspect-node-key --file "$net_dir/$name.node-key")
			bootnode="/ip4/127.0.0.1/tcp/$((p2p_port + i))/p2p/$peer_id"
		fi
		echo "started $name (pid $(cat "$net_dir/$name.pid"), p2p $((p2p_port + i)), rpc $((rpc_port + i)), log $net_dir/$name.log)"
	done
	echo "waiting for blocks to finalize..."
	local deadline=$((SECONDS + 180)) h
	while ((SECONDS < deadline)); do
		if h=$(heads "$rpc_port" 2>/dev/null); then
			set -- $h
			if (($2 >= 2)); then
				echo "network up: best #$1, finalized #$2"
				return 0
			fi
		fi
		sleep 2
	done
	echo "no finalized block within 180 s; logs are in $net_dir" >&2
	status >&2 || true
	stop
	exit 1
}

case "${1:-}" in
	stop) stop ;;
	status) status ;;
	--detach) start ;;
	"")
		trap 'echo; echo stopping; stop' EXIT
		start
		while true; do
			sleep 6
			echo "--- $(date +%T)"
			status
		done
		;;
	*) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
