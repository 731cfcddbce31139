//! `cargo bench -p prover-worker`: proving and verification of the digits models with the
//! default compile settings, and the parts of verification (what the host function does).

use std::{
	hint::black_box,
	sync::Arc,
	time::{Duration, Instant},
};

use prover_worker::{
	calibrate::{calibrate, Options},
	onnx::import,
	srs::dev_srs,
};
use rand_core::OsRng;
use zkinfer_circuit::{
	field::Fr,
	plan,
	prove::{keygen, prove},
	srs::VerifierParams,
	verify::{decode_vk, verify},
};

#[path = "../tests/common/mod.rs"]
mod common;
use common::manifest_dir;

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> Duration {
	black_box(f());
	let start = Instant::now();
	for _ in 0..runs {
		black_box(f());
	}
	start.elapsed() / runs
}

fn main() {
	let models = manifest_dir().join("models");
	println!(
		"{:<11} {:>3} {:>5} {:>10} {:>11} {:>13} {:>11} {:>9}",
		"model", "k", "width", "prove", "verify", "params decode", "vk decode", "proof B"
	);
	for name in ["digits_mlp", "digits_cnn"] {
		let samples: Vec<Vec<f64>> = (0..5)
			.map(|i| {
				let text = std::fs::read(models.join(format!("samples/{name}_{i}.json"))).unwrap();
				let value: serde_json::Value = serde_json::from_slice(&text).unwrap();
				value["input"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect()
			})
			.collect();
		let graph = import(&models.join(format!("{name}.onnx"))).unwrap().graph;
		let model = Arc::new(calibrate(&graph, &samples, Options::default()).unwrap().model);
		let params_k = plan(&model, 16 << 30, zkinfer_circuit::circuit::MAX_K).unwrap().params;
		let srs = dev_srs(params_k.k.into());
		let keys = keygen(&srs, model.clone(), params_k).unwrap();
		let input: Vec<i64> = samples[0].iter().map(|&x| model.quant.quantize_act(x)).collect();
		let binding = Fr::from(42);
		let prove_time = time(3, || {
			prove(&srs, &keys.pk, model.clone(), params_k, binding, &input, OsRng).unwrap()
		});
		let proof = prove(&srs, &keys.pk, model.clone(), params_k, binding, &input, OsRng).unwrap();
		let vp = VerifierParams::of(&srs).to_bytes();
		let verify_time =
			time(50, || verify(&vp, &keys.vk_bytes, &proof.public_inputs, &proof.proof).unwrap());
		let params_time = time(50, || VerifierParams::from_bytes(&vp).unwrap());
		let vk_time = time(50, || decode_vk(&keys.vk_bytes).unwrap());
		println!(
			"{name:<11} {:>3} {:>5} {:>8.0}ms {:>9.2}ms {:>11.2}ms {:>9.2}ms {:>9}",
			params_k.k,
			params_k.dot_width,
			prove_time.as_secs_f64() * 1e3,
			verify_time.as_secs_f64() * 1e3,
			params_time.as_secs_f64() * 1e3,
			vk_time.as_secs_f64() * 1e3,
			proof.proof.len()
		);
	}
}
