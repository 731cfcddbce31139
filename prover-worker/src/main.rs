//! `prover-worker`: compile ONNX models into halo2 circuits, prove and verify inferences.
//!
//! ```text
//! prover-worker compile --onnx model.onnx --calibration sample.json… [--dim name=value…] [--out artifacts]
//! prover-worker setup   --artifact artifacts/<id>
//! prover-worker prove   --artifact artifacts/<id> --input input.json (--job <id> --node <hex> | --job-binding <hex>) [--out proof.json]
//! prover-worker verify  --artifact artifacts/<id> --proof proof.json
//! prover-worker inspect --artifact artifacts/<id> | --onnx model.onnx
//! prover-worker bench   --artifact artifacts/<id> --input input.json [--runs 5]
//! prover-worker register --onnx model.onnx --calibration sample.json… --suri <owner> [--url ws://…] [--model-store DIR]
//! prover-worker run      --suri <operator> [--url ws://…] [--model-store DIR] [--threads N]
//! ```
//!
//! Progress goes to stderr; results (JSON) go to stdout.

use std::{
	path::{Path, PathBuf},
	process::ExitCode,
	time::Instant,
};

use clap::{Args, Parser, Subcommand};
use prover_worker::{
	artifact::{self, Artifact, ArtifactError, CompileOptions, ProofFile, SrsSource},
	calibrate, chain, onnx, pool,
	progress::step,
	srs, store,
};
use serde_json::json;

/// zkinfer's zkML prover.
#[derive(Parser)]
#[command(name = "prover-worker", version, about)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Compile an ONNX model into a content-addressed artifact directory (quantized model,
	/// settings, verifying key).
	Compile(CompileArgs),
	/// Generate the proving key and cache it in the artifact directory.
	Setup(SetupArgs),
	/// Prove an inference on an input for a job binding.
	Prove(ProveArgs),
	/// Verify a proof file against the artifact's verifying key.
	Verify(VerifyArgs),
	/// Show operators, rows, k, columns and lookups.
	Inspect(InspectArgs),
	/// Measure key generation, proving and verification.
	Bench(BenchArgs),
	/// Compile a model into the model store and register its verifying key and the model on
	/// a chain; prints the model id.
	Register(RegisterArgs),
	/// Follow a node and prove the jobs assigned to an operator account, submitting the
	/// results (until Ctrl-C or SIGTERM).
	Run(RunArgs),
	/// Prove every job assigned, at the last finalized block, to an operator account's node and
	/// write the results (JSON lines: job, output, proof) without submitting them: a backlog
	/// proved ahead, to be submitted later (the load test submits them in bursts).
	ProveAssigned(ProveAssignedArgs),
}

/// Where the chain is and who signs.
#[derive(Args, Clone)]
struct ChainArgs {
	/// The node's RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The signing key's secret URI (`//Alice` on development chains, a mnemonic, a seed).
	#[arg(long)]
	suri: String,
	/// The model store (a directory of compiled models by content address; share it with
	/// the node that proves: `zkinfer-node --model-store`).
	#[arg(long, default_value = "model-store")]
	model_store: PathBuf,
	/// A KZG params file to prove with (default: the development SRS, cached in the store).
	#[arg(long)]
	srs: Option<PathBuf>,
}

impl ChainArgs {
	fn store(&self) -> store::ModelStore {
		store::ModelStore::new(self.model_store.clone())
	}

	fn srs(&self) -> SrsSource {
		match &self.srs {
			Some(path) => SrsSource::File(path.clone()),
			None => self.store().dev_srs(),
		}
	}

	fn key(&self) -> Result<subxt_signer::sr25519::Keypair, ArtifactError> {
		chain::keypair(&self.suri).map_err(|e| ArtifactError::Invalid(e.to_string()))
	}
}

#[derive(Args)]
struct RegisterArgs {
	/// The ONNX model.
	#[arg(long)]
	onnx: PathBuf,
	/// Sample inputs for calibration (`{"input": [...]}` files).
	#[arg(long, required = true, num_args = 1..)]
	calibration: Vec<PathBuf>,
	/// The model's metadata (default `{"name": "<file stem>"}`).
	#[arg(long)]
	metadata: Option<String>,
	/// A value for a free input dimension, `name=value` (repeatable); free dimensions not
	/// given are 1.
	#[arg(long = "dim", value_name = "NAME=VALUE")]
	dims: Vec<onnx::DimValue>,
	#[command(flatten)]
	chain: ChainArgs,
}

#[derive(Args)]
struct RunArgs {
	/// Proofs made at once.
	#[arg(long, default_value_t = 1)]
	threads: usize,
	#[command(flatten)]
	chain: ChainArgs,
}

#[derive(Args)]
struct ProveAssignedArgs {
	/// Proofs made at once.
	#[arg(long, default_value_t = 1)]
	threads: usize,
	/// Where the results go (JSON lines).
	#[arg(long)]
	out: PathBuf,
	#[command(flatten)]
	chain: ChainArgs,
}

/// Where the SRS comes from.
#[derive(Args, Clone)]
struct SrsArgs {
	/// A KZG params file (halo2 format). Without it the insecure development SRS is used.
	#[arg(long)]
	srs: Option<PathBuf>,
	/// Where development SRS files are cached (default `$ZKINFER_SRS_DIR` or
	/// `~/.cache/zkinfer/srs`).
	#[arg(long)]
	srs_cache: Option<PathBuf>,
}

impl SrsArgs {
	fn source(&self) -> SrsSource {
		match &self.srs {
			Some(path) => SrsSource::File(path.clone()),
			None => SrsSource::Dev(self.srs_cache.clone().unwrap_or_else(srs::default_cache_dir)),
		}
	}
}

#[derive(Args)]
struct CompileArgs {
	/// The ONNX model.
	#[arg(long)]
	onnx: PathBuf,
	/// Sample inputs for calibration (`{"input": [...]}` files).
	#[arg(long, required = true, num_args = 1..)]
	calibration: Vec<PathBuf>,
	/// Where artifact directories are created.
	#[arg(long, default_value = "artifacts")]
	out: PathBuf,
	/// A fixed activation scale exponent instead of calibrating one.
	#[arg(long)]
	act_bits: Option<u8>,
	/// The weight scale exponent.
	#[arg(long, default_value_t = 8)]
	weight_bits: u8,
	/// The largest lookup domain, in bits (table rows per non-linearity = 2^bits).
	#[arg(long, default_value_t = 12)]
	max_domain_bits: u8,
	/// A fixed dot-product width instead of the automatic choice.
	#[arg(long)]
	width: Option<u8>,
	/// The memory cap for the automatic choice of circuit size, in GiB.
	#[arg(long, default_value_t = 16)]
	memory_cap_gib: u64,
	/// The most rows (2^k) the circuit may have; the default is what the zkinfer chain
	/// verifies.
	#[arg(long, default_value_t = zkinfer_statement::limits::HALO2_MAX_K)]
	max_k: u8,
	/// A value for a free input dimension, `name=value` (repeatable); free dimensions not
	/// given are 1.
	#[arg(long = "dim", value_name = "NAME=VALUE")]
	dims: Vec<onnx::DimValue>,
	#[command(flatten)]
	srs: SrsArgs,
}

#[derive(Args)]
struct SetupArgs {
	/// The artifact directory.
	#[arg(long)]
	artifact: PathBuf,
	#[command(flatten)]
	srs: SrsArgs,
}

#[derive(Args)]
struct ProveArgs {
	/// The artifact directory.
	#[arg(long)]
	artifact: PathBuf,
	/// The input (`{"input": [...]}`, real numbers).
	#[arg(long)]
	input: PathBuf,
	/// The job binding: 32 bytes, little-endian hex, a canonical field element. Instead of
	/// `--job` and `--node`.
	#[arg(long, required_unless_present = "job", conflicts_with_all = ["job", "node"])]
	job_binding: Option<String>,
	/// The on-chain job id: with `--node`, proves for the job binding the chain computes.
	#[arg(long, requires = "node")]
	job: Option<u64>,
	/// The assigned node's account (32 bytes, hex), with `--job`.
	#[arg(long, requires = "job")]
	node: Option<String>,
	/// Where to write the proof file (default: stdout).
	#[arg(long)]
	out: Option<PathBuf>,
	#[command(flatten)]
	srs: SrsArgs,
}

#[derive(Args)]
struct VerifyArgs {
	/// The artifact directory.
	#[arg(long)]
	artifact: PathBuf,
	/// The proof file written by `prove`.
	#[arg(long)]
	proof: PathBuf,
}

#[derive(Args)]
struct InspectArgs {
	/// An artifact directory.
	#[arg(long, conflicts_with = "onnx")]
	artifact: Option<PathBuf>,
	/// An ONNX model (shows the import only).
	#[arg(long)]
	onnx: Option<PathBuf>,
	/// A value for a free input dimension of the ONNX model, `name=value` (repeatable).
	#[arg(long = "dim", value_name = "NAME=VALUE", requires = "onnx")]
	dims: Vec<onnx::DimValue>,
}

#[derive(Args)]
struct BenchArgs {
	/// The artifact directory.
	#[arg(long)]
	artifact: PathBuf,
	/// The input to prove.
	#[arg(long)]
	input: PathBuf,
	/// Proofs to time.
	#[arg(long, default_value_t = 5)]
	runs: usize,
	/// Verifications timed per proof (one proof's verification takes milliseconds, so a
	/// single sample mostly measures cold caches and the scheduler).
	#[arg(long, default_value_t = 10)]
	verify_runs: usize,
	#[command(flatten)]
	srs: SrsArgs,
}

fn main() -> ExitCode {
	if let Err(e) = zkinfer_circuit::cpu::check() {
		eprintln!("error: {e}");
		return ExitCode::FAILURE;
	}
	match run(Cli::parse().command) {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::FAILURE
		},
	}
}

fn print_json(value: &serde_json::Value) {
	println!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}

fn run(command: Command) -> Result<(), ArtifactError> {
	match command {
		Command::Compile(args) => compile(args),
		Command::Setup(args) => {
			let artifact = artifact::load(&args.artifact)?;
			let params = args.srs.source().params(artifact.settings.circuit.k)?;
			artifact::setup(&artifact, &params)?;
			print_json(
				&json!({ "artifact": artifact.dir, "provingKey": artifact.dir.join("pk.bin") }),
			);
			Ok(())
		},
		Command::Prove(args) => {
			let artifact = artifact::load(&args.artifact)?;
			let binding = match (&args.job_binding, args.job, &args.node) {
				(Some(binding), _, _) => artifact::parse_binding(binding)?,
				(None, Some(job), Some(node)) => artifact::job_binding(job, node)?,
				_ => {
					return Err(ArtifactError::Invalid(
						"give --job and --node, or --job-binding".into(),
					))
				},
			};
			let input = artifact::read_input(&args.input)?;
			let params = args.srs.source().params(artifact.settings.circuit.k)?;
			let pk = artifact::proving_setup(&artifact, &params)?;
			let s = step("proving");
			let proof = artifact::prove(&artifact, &params, &pk, &input, binding)?;
			s.done_with(&format!("{} bytes", proof.proof.len() / 2));
			let text = serde_json::to_string_pretty(&proof)
				.map_err(|e| ArtifactError::Invalid(e.to_string()))?;
			match args.out {
				Some(path) => {
					std::fs::write(&path, text).map_err(|e| ArtifactError::Io(path, e))?
				},
				None => println!("{text}"),
			}
			Ok(())
		},
		Command::Verify(args) => {
			let artifact = artifact::load(&args.artifact)?;
			let bytes =
				std::fs::read(&args.proof).map_err(|e| ArtifactError::Io(args.proof.clone(), e))?;
			let proof: ProofFile = serde_json::from_slice(&bytes)
				.map_err(|e| ArtifactError::Invalid(format!("{}: {e}", args.proof.display())))?;
			let s = step("verifying");
			artifact::verify(&artifact, &proof)?;
			s.done();
			print_json(
				&json!({ "verified": true, "vkHash": artifact.settings.vk_hash, "output": proof.output }),
			);
			Ok(())
		},
		Command::Inspect(args) => match (args.artifact, args.onnx) {
			(Some(dir), _) => inspect_artifact(&artifact::load(&dir)?),
			(None, Some(path)) => {
				inspect_onnx(&path, &onnx::FreeDims::new(args.dims).map_err(ArtifactError::Import)?)
			},
			(None, None) => Err(ArtifactError::Invalid("give --artifact or --onnx".into())),
		},
		Command::Bench(args) => bench(args),
		Command::Register(args) => register(args),
		Command::Run(args) => run_worker(args),
		Command::ProveAssigned(args) => prove_assigned(args),
	}
}

fn runtime() -> Result<tokio::runtime::Runtime, ArtifactError> {
	tokio::runtime::Builder::new_multi_thread()
		.enable_all()
		.build()
		.map_err(|e| ArtifactError::Invalid(format!("async runtime: {e}")))
}

fn register(args: RegisterArgs) -> Result<(), ArtifactError> {
	let samples = args
		.calibration
		.iter()
		.map(|p| artifact::read_input(p))
		.collect::<Result<Vec<_>, _>>()?;
	let store = args.chain.store();
	let artifact = artifact::compile(
		&args.onnx,
		&samples,
		&args.chain.srs(),
		store.root(),
		CompileOptions {
			free_dims: onnx::FreeDims::new(args.dims).map_err(ArtifactError::Import)?,
			..CompileOptions::default()
		},
	)?;
	let metadata = args
		.metadata
		.unwrap_or_else(|| json!({ "name": artifact.settings.name }).to_string())
		.into_bytes();
	let key = args.chain.key()?;
	let s = step("registering the key and the model");
	let registered = runtime()?
		.block_on(prover_worker::register::register(&args.chain.url, &key, &artifact, metadata))
		.map_err(|e| ArtifactError::Invalid(e.to_string()))?;
	s.done_with(&format!("model {}", registered.model));
	print_json(&json!({
		"model": registered.model,
		"artifact": artifact.id,
		"vkHash": hex::encode(registered.vk_hash),
		"keyRegistered": registered.key_registered,
		"modelStore": store.root(),
	}));
	Ok(())
}

fn run_worker(args: RunArgs) -> Result<(), ArtifactError> {
	let key = args.chain.key()?;
	let mut config = pool::PoolConfig::new(args.chain.store());
	config.srs = args.chain.srs();
	config.threads = args.threads.max(1);
	let pool = std::sync::Arc::new(
		pool::ProverPool::start(config, None)
			.map_err(|e| ArtifactError::Invalid(format!("starting the prover: {e}")))?,
	);
	let prover = prover_worker::worker::Prover {
		pool,
		store: args.chain.store(),
		srs: args.chain.srs(),
		threads: args.threads.max(1),
	};
	runtime()?.block_on(prover_worker::worker::run(
		args.chain.url.clone(),
		key,
		prover,
		shutdown_signal(),
	));
	Ok(())
}

fn prove_assigned(args: ProveAssignedArgs) -> Result<(), ArtifactError> {
	let key = args.chain.key()?;
	let mut config = pool::PoolConfig::new(args.chain.store());
	config.srs = args.chain.srs();
	config.threads = args.threads.max(1);
	// Every assigned job is requested at once and collected at the end.
	config.queue_capacity = usize::MAX;
	config.remembered = usize::MAX;
	let pool = pool::ProverPool::start(config, None)
		.map_err(|e| ArtifactError::Invalid(format!("starting the prover: {e}")))?;
	let results = runtime()?
		.block_on(prover_worker::worker::prove_assigned(&args.chain.url, &key, &pool))
		.map_err(|e| ArtifactError::Invalid(e.to_string()))?;
	let mut lines = String::new();
	for result in &results {
		let line = serde_json::json!({
			"job": result.job,
			"output": result.output,
			"proof": hex::encode(&result.proof),
		});
		lines.push_str(&line.to_string());
		lines.push('\n');
	}
	std::fs::write(&args.out, lines)
		.map_err(|e| ArtifactError::Invalid(format!("writing {}: {e}", args.out.display())))?;
	println!("{}", serde_json::json!({ "proved": results.len(), "out": args.out }));
	Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
	#[cfg(unix)]
	{
		let mut term =
			match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
				Ok(term) => term,
				Err(_) => return std::future::pending().await,
			};
		tokio::select! {
			_ = tokio::signal::ctrl_c() => {},
			_ = term.recv() => {},
		}
	}
	#[cfg(not(unix))]
	{
		let _ = tokio::signal::ctrl_c().await;
	}
}

fn compile(args: CompileArgs) -> Result<(), ArtifactError> {
	let samples = args
		.calibration
		.iter()
		.map(|p| artifact::read_input(p))
		.collect::<Result<Vec<_>, _>>()?;
	let options = CompileOptions {
		calibration: calibrate::Options {
			act_bits: args.act_bits,
			weight_bits: args.weight_bits,
			max_domain_bits: args.max_domain_bits,
			..calibrate::Options::default()
		},
		width: args.width,
		memory_cap: args.memory_cap_gib.saturating_mul(1 << 30),
		max_k: args.max_k,
		free_dims: onnx::FreeDims::new(args.dims).map_err(ArtifactError::Import)?,
	};
	let artifact = artifact::compile(&args.onnx, &samples, &args.srs.source(), &args.out, options)?;
	let s = &artifact.settings;
	print_json(&json!({
		"artifact": artifact.dir,
		"id": artifact.id,
		"vkHash": s.vk_hash,
		"srsHash": s.srs_hash,
		"k": s.circuit.k,
		"width": s.circuit.dot_width,
		"quant": s.quant,
		"publicInputs": s.public_inputs,
		"droppedSoftmax": s.dropped_softmax,
		"fidelity": s.fidelity,
	}));
	Ok(())
}

fn inspect_artifact(artifact: &Artifact) -> Result<(), ArtifactError> {
	let model = &artifact.model;
	let s = &artifact.settings;
	let (statement_rows, rows) =
		zkinfer_circuit::rows_per_node(model, s.circuit.dot_width).map_err(ArtifactError::Plan)?;
	let shapes = model.graph.shapes().map_err(|e| ArtifactError::Invalid(e.to_string()))?;
	let operators: Vec<_> = model
		.graph
		.nodes
		.iter()
		.zip(&rows)
		.enumerate()
		.map(|(i, (node, rows))| {
			let activation = node.op.activation().map(|a| format!("{a:?}"));
			json!({ "node": node.name, "op": node.op.kind(), "activation": activation, "outputShape": shapes[model.graph.inputs.len() + i], "rows": rows })
		})
		.collect();
	let tables = model.tables();
	print_json(&json!({
		"artifact": artifact.dir,
		"name": s.name,
		"vkHash": s.vk_hash,
		"srsHash": s.srs_hash,
		"quant": s.quant,
		"k": s.circuit.k,
		"dotWidth": s.circuit.dot_width,
		"rows": { "statement": statement_rows, "model": s.plan.rows, "table": s.plan.table_rows, "blinding": s.plan.blinding_rows, "available": 1u64 << s.circuit.k },
		"columns": { "advice": s.plan.advice_columns, "fixed": s.plan.fixed_columns, "instance": 1 },
		"lookups": { "arguments": 1, "tables": tables.kinds().iter().map(|k| format!("{k:?}")).collect::<Vec<_>>() },
		"estimates": { "committedPolynomials": s.plan.committed_polys, "memoryBytes": s.plan.estimated_memory },
		"publicInputs": s.public_inputs,
		"inputShape": s.input_shape,
		"inputShapes": model.input_shapes(),
		"inputDomain": { "min": s.input_domain.0, "max": s.input_domain.1 },
		"outputShape": s.output_shape,
		"outputShapes": model.output_shapes(),
		"droppedSoftmax": s.dropped_softmax,
		"fidelity": s.fidelity,
		"operators": operators,
	}));
	Ok(())
}

fn inspect_onnx(path: &Path, dims: &onnx::FreeDims) -> Result<(), ArtifactError> {
	let imported = onnx::import_with(path, dims).map_err(ArtifactError::Import)?;
	let shapes = imported.graph.shapes().map_err(|e| ArtifactError::Invalid(e.to_string()))?;
	print_json(&json!({
		"onnx": path,
		"tract": imported.tract_ops.iter().map(|(name, op)| json!({ "node": name, "op": op })).collect::<Vec<_>>(),
		"inputShapes": imported.graph.inputs,
		"ir": imported.graph.nodes.iter().enumerate().map(|(i, n)| json!({ "node": n.name, "op": n.op.kind(), "outputShape": shapes[imported.graph.inputs.len() + i] })).collect::<Vec<_>>(),
		"outputShapes": imported.graph.outputs.iter().map(|&v| &shapes[v]).collect::<Vec<_>>(),
		"droppedSoftmax": imported.dropped_softmax,
		"freeDims": imported.free_dims.iter().map(|(name, value)| json!({ "name": name, "value": value })).collect::<Vec<_>>(),
	}));
	Ok(())
}

/// Peak resident memory of this process, from `/proc/self/status` (Linux), in bytes.
fn peak_memory() -> Option<u64> {
	let status = std::fs::read_to_string("/proc/self/status").ok()?;
	let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
	line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kib| kib * 1024)
}

fn bench(args: BenchArgs) -> Result<(), ArtifactError> {
	let artifact = artifact::load(&args.artifact)?;
	let input = artifact::read_input(&args.input)?;
	let k = artifact.settings.circuit.k;
	let params = args.srs.source().params(k)?;
	// Both keys, as a setup from scratch makes them: the verifying key again (it must come out
	// as the artifact's), then the proving key.
	let s = step("generating the verifying key");
	let started = Instant::now();
	let (_, vk_bytes) = zkinfer_circuit::prove::verifying_key(
		&params,
		artifact.model.clone(),
		artifact.settings.circuit,
	)
	.map_err(ArtifactError::Prove)?;
	let vk_time = started.elapsed();
	s.done();
	if vk_bytes != artifact.vk_bytes {
		return Err(ArtifactError::Verify(zkinfer_circuit::Halo2Error::InvalidKey));
	}
	let _ = std::fs::remove_file(artifact.dir.join("pk.bin"));
	let started = Instant::now();
	let pk = artifact::proving_setup(&artifact, &params)?;
	let pk_time = started.elapsed();
	let binding = zkinfer_circuit::field::Fr::from(42u64);
	let runs = args.runs.max(1);
	let mut prove_times = Vec::with_capacity(runs);
	let mut verify_times = Vec::with_capacity(runs);
	let mut proof_bytes = 0;
	for run in 0..runs {
		let s = step(&format!("proof {}/{runs}", run + 1));
		let started = Instant::now();
		let proof = artifact::prove(&artifact, &params, &pk, &input, binding)?;
		prove_times.push(started.elapsed().as_secs_f64());
		s.done();
		for _ in 0..args.verify_runs.max(1) {
			let started = Instant::now();
			artifact::verify(&artifact, &proof)?;
			verify_times.push(started.elapsed().as_secs_f64());
		}
		proof_bytes = proof.proof.len() / 2;
	}
	let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
	let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
	let median = |v: &[f64]| {
		let mut sorted = v.to_vec();
		sorted.sort_by(f64::total_cmp);
		sorted[sorted.len() / 2]
	};
	print_json(&json!({
		"artifact": artifact.dir,
		"name": artifact.settings.name,
		"k": k,
		"rows": artifact.settings.plan.rows,
		"tableRows": artifact.settings.plan.table_rows,
		"dotWidth": artifact.settings.circuit.dot_width,
		"threads": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
		"keygenSeconds": (vk_time + pk_time).as_secs_f64(),
		"vkSeconds": vk_time.as_secs_f64(),
		"pkSeconds": pk_time.as_secs_f64(),
		"proveSeconds": { "mean": mean(&prove_times), "min": min(&prove_times), "runs": runs },
		"verifyMilliseconds": {
			"mean": mean(&verify_times) * 1e3,
			"median": median(&verify_times) * 1e3,
			"min": min(&verify_times) * 1e3,
			"max": verify_times.iter().copied().fold(0.0, f64::max) * 1e3,
			"runs": verify_times.len(),
		},
		"proofBytes": proof_bytes,
		"vkBytes": artifact.vk_bytes.len(),
		"peakMemoryBytes": peak_memory(),
	}));
	Ok(())
}
