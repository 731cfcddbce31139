//! A dense row-major tensor: the one container for weights, activations and circuit wires.

use serde::{Deserialize, Serialize};

/// A dense, row-major tensor of `T` with a fixed shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tensor<T> {
	shape: Vec<usize>,
	data: Vec<T>,
}

impl<T> Tensor<T> {
	/// Builds a tensor, or `None` when `data` does not hold exactly `shape`'s element count.
	pub fn new(shape: Vec<usize>, data: Vec<T>) -> Option<Self> {
		let count = element_count(&shape)?;
		(count == data.len()).then_some(Self { shape, data })
	}

	/// A tensor of `shape` filled by `f(flat index)`.
	pub fn from_fn(shape: Vec<usize>, f: impl FnMut(usize) -> T) -> Option<Self> {
		let count = element_count(&shape)?;
		Some(Self { shape, data: (0..count).map(f).collect() })
	}

	/// A tensor of `shape` filled by a fallible `f(flat index)`, stopping at the first error;
	/// `overflow` if the shape's element count overflows.
	pub fn try_from_fn<E>(
		shape: Vec<usize>,
		overflow: E,
		f: impl FnMut(usize) -> Result<T, E>,
	) -> Result<Self, E> {
		let count = element_count(&shape).ok_or(overflow)?;
		Ok(Self { shape, data: (0..count).map(f).collect::<Result<_, _>>()? })
	}

	/// The shape, outermost axis first.
	pub fn shape(&self) -> &[usize] {
		&self.shape
	}

	/// The elements in row-major order.
	pub fn data(&self) -> &[T] {
		&self.data
	}

	/// Consumes the tensor, returning its elements in row-major order.
	pub fn into_data(self) -> Vec<T> {
		self.data
	}

	/// The number of elements.
	pub fn len(&self) -> usize {
		self.data.len()
	}

	/// Whether the tensor has no elements.
	pub fn is_empty(&self) -> bool {
		self.data.is_empty()
	}

	/// The same elements under another shape with the same element count.
	pub fn reshaped(self, shape: Vec<usize>) -> Option<Self> {
		Self::new(shape, self.data)
	}

	/// Applies `f` to every element.
	pub fn map<U>(&self, f: impl FnMut(&T) -> U) -> Tensor<U> {
		Tensor { shape: self.shape.clone(), data: self.data.iter().map(f).collect() }
	}

	/// Applies a fallible `f` to every element, stopping at the first error.
	pub fn try_map<U, E>(&self, f: impl FnMut(&T) -> Result<U, E>) -> Result<Tensor<U>, E> {
		Ok(Tensor {
			shape: self.shape.clone(),
			data: self.data.iter().map(f).collect::<Result<_, _>>()?,
		})
	}

	/// The element at a multi-index, or `None` if the index is out of bounds or of the wrong rank.
	pub fn get(&self, index: &[usize]) -> Option<&T> {
		self.data.get(flat_index(&self.shape, index)?)
	}
}

/// The number of elements of a shape, or `None` on overflow.
pub fn element_count(shape: &[usize]) -> Option<usize> {
	shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d))
}

/// Row-major strides of a shape.
pub fn strides(shape: &[usize]) -> Vec<usize> {
	let mut strides = vec![1; shape.len()];
	for axis in (0..shape.len().saturating_sub(1)).rev() {
		strides[axis] = strides[axis + 1] * shape[axis + 1];
	}
	strides
}

/// The flat position of a multi-index, or `None` if out of bounds or of the wrong rank.
pub fn flat_index(shape: &[usize], index: &[usize]) -> Option<usize> {
	if shape.len() != index.len() {
		return None;
	}
	let mut flat = 0usize;
	for (&i, &d) in index.iter().zip(shape) {
		if i >= d {
			return None;
		}
		flat = flat * d + i;
	}
	Some(flat)
}

/// The multi-index of a flat position (the inverse of [`flat_index`]).
pub fn unflatten(shape: &[usize], mut flat: usize) -> Vec<usize> {
	let mut index = vec![0; shape.len()];
	for axis in (0..shape.len()).rev() {
		let d = shape[axis].max(1);
		index[axis] = flat % d;
		flat /= d;
	}
	index
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn indexing_round_trips() {
		let shape = [2, 3, 4];
		for flat in 0..24 {
			let index = unflatten(&shape, flat);
			assert_eq!(flat_index(&shape, &index), Some(flat));
		}
		assert_eq!(strides(&shape), vec![12, 4, 1]);
		assert_eq!(flat_index(&shape, &[2, 0, 0]), None);
		assert!(Tensor::new(vec![2, 2], vec![1, 2, 3]).is_none());
	}
}
