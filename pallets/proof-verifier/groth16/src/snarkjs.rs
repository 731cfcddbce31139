//! Import from snarkjs: `verification_key.json`, `proof.json` and `public.json` (curve
//! `bn128`) into the chain's encoding.
//!
//! snarkjs writes field elements as decimal strings, points as projective triples whose last
//! coordinate is `"1"` (affine), and G2 coordinates as `[c0, c1]`. Every value is checked as
//! strictly as [`crate::decode_vk`] and [`crate::decode_proof`] check the encoding itself.

use alloc::{string::String, vec::Vec};

use ark_bn254::{Fq, Fq2, Fr, G1Affine, G2Affine};
use ark_ff::{BigInt, PrimeField};
use num_bigint::BigUint;
use serde_json::Value;

use crate::{encode_proof, encode_public_input, encode_vk, Proof, VerifyingKey, MAX_PUBLIC_INPUTS};

/// Why a snarkjs file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl core::fmt::Display for ImportError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for ImportError {}

fn err<T>(message: impl Into<String>) -> Result<T, ImportError> {
	Err(ImportError(message.into()))
}

fn field<'a>(value: &'a Value, key: &str) -> Result<&'a Value, ImportError> {
	value.get(key).ok_or_else(|| ImportError(format!("missing field `{key}`")))
}

fn decimal(value: &Value, what: &str) -> Result<BigUint, ImportError> {
	let text = value
		.as_str()
		.ok_or_else(|| ImportError(format!("{what}: expected a decimal string")))?;
	if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
		return err(format!("{what}: `{text}` is not a decimal number"));
	}
	BigUint::parse_bytes(text.as_bytes(), 10)
		.ok_or_else(|| ImportError(format!("{what}: bad number")))
}

fn to_field<F: PrimeField<BigInt = BigInt<4>>>(
	value: &Value,
	what: &str,
) -> Result<F, ImportError> {
	let number = decimal(value, what)?;
	let bigint = BigInt::<4>::try_from(number)
		.map_err(|_| ImportError(format!("{what}: does not fit in 256 bits")))?;
	F::from_bigint(bigint)
		.ok_or_else(|| ImportError(format!("{what}: not below the field modulus")))
}

fn array<'a>(value: &'a Value, len: usize, what: &str) -> Result<&'a Vec<Value>, ImportError> {
	match value.as_array() {
		Some(items) if items.len() == len => Ok(items),
		_ => err(format!("{what}: expected an array of {len}")),
	}
}

fn g1(value: &Value, what: &str) -> Result<G1Affine, ImportError> {
	let xyz = array(value, 3, what)?;
	if decimal(&xyz[2], what)? != BigUint::from(1u8) {
		return err(format!("{what}: not an affine point (z != 1), or the identity"));
	}
	let point =
		G1Affine::new_unchecked(to_field::<Fq>(&xyz[0], what)?, to_field::<Fq>(&xyz[1], what)?);
	if !point.is_on_curve() || !point.is_in_correct_subgroup_assuming_on_curve() {
		return err(format!("{what}: not a point of G1"));
	}
	Ok(point)
}

fn fq2(value: &Value, what: &str) -> Result<Fq2, ImportError> {
	let c = array(value, 2, what)?;
	Ok(Fq2::new(to_field::<Fq>(&c[0], what)?, to_field::<Fq>(&c[1], what)?))
}

fn g2(value: &Value, what: &str) -> Result<G2Affine, ImportError> {
	let xyz = array(value, 3, what)?;
	let z = array(&xyz[2], 2, what)?;
	if decimal(&z[0], what)? != BigUint::from(1u8) || decimal(&z[1], what)? != BigUint::from(0u8) {
		return err(format!("{what}: not an affine point (z != 1), or the identity"));
	}
	let point = G2Affine::new_unchecked(fq2(&xyz[0], what)?, fq2(&xyz[1], what)?);
	if !point.is_on_curve() || !point.is_in_correct_subgroup_assuming_on_curve() {
		return err(format!("{what}: not a point of G2"));
	}
	Ok(point)
}

fn parse(json: &str) -> Result<Value, ImportError> {
	serde_json::from_str(json).map_err(|e| ImportError(format!("not JSON: {e}")))
}

/// Converts `verification_key.json` into the chain's key encoding.
pub fn vk_from_json(json: &str) -> Result<Vec<u8>, ImportError> {
	let v = parse(json)?;
	if field(&v, "protocol")?.as_str() != Some("groth16") {
		return err("protocol is not groth16");
	}
	if field(&v, "curve")?.as_str() != Some("bn128") {
		return err("curve is not bn128 (BN254)");
	}
	let ic = field(&v, "IC")?
		.as_array()
		.ok_or_else(|| ImportError("IC: expected an array".into()))?;
	if ic.is_empty() || ic.len() > MAX_PUBLIC_INPUTS + 1 {
		return err(format!(
			"IC has {} points; 1 to {} are supported",
			ic.len(),
			MAX_PUBLIC_INPUTS + 1
		));
	}
	if let Some(n) = v.get("nPublic").and_then(Value::as_u64) {
		if n as usize + 1 != ic.len() {
			return err(format!("nPublic is {n} but IC has {} points", ic.len()));
		}
	}
	let vk = VerifyingKey {
		alpha_g1: g1(field(&v, "vk_alpha_1")?, "vk_alpha_1")?,
		beta_g2: g2(field(&v, "vk_beta_2")?, "vk_beta_2")?,
		gamma_g2: g2(field(&v, "vk_gamma_2")?, "vk_gamma_2")?,
		delta_g2: g2(field(&v, "vk_delta_2")?, "vk_delta_2")?,
		gamma_abc_g1: ic
			.iter()
			.enumerate()
			.map(|(i, p)| g1(p, &format!("IC[{i}]")))
			.collect::<Result<_, _>>()?,
	};
	Ok(encode_vk(&vk))
}

/// Converts `proof.json` into the chain's proof encoding.
pub fn proof_from_json(json: &str) -> Result<Vec<u8>, ImportError> {
	let v = parse(json)?;
	if let Some(protocol) = v.get("protocol").and_then(Value::as_str) {
		if protocol != "groth16" {
			return err("protocol is not groth16");
		}
	}
	let proof = Proof {
		a: g1(field(&v, "pi_a")?, "pi_a")?,
		b: g2(field(&v, "pi_b")?, "pi_b")?,
		c: g1(field(&v, "pi_c")?, "pi_c")?,
	};
	Ok(encode_proof(&proof))
}

/// Converts `public.json` into the chain's public-input encoding.
pub fn public_inputs_from_json(json: &str) -> Result<Vec<[u8; 32]>, ImportError> {
	let v = parse(json)?;
	let items = v
		.as_array()
		.ok_or_else(|| ImportError("expected an array of decimal strings".into()))?;
	if items.len() > MAX_PUBLIC_INPUTS {
		return err(format!(
			"{} public inputs; at most {MAX_PUBLIC_INPUTS} are supported",
			items.len()
		));
	}
	items
		.iter()
		.enumerate()
		.map(|(i, item)| {
			to_field::<Fr>(item, &format!("public input {i}")).map(|f| encode_public_input(&f))
		})
		.collect()
}
