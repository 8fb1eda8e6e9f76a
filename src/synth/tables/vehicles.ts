/** Vehicles seen at the border: make, model, type and the manufacturer prefix of their VIN. */

export interface VehicleModel {
  make: string;
  model: string;
  type: 'passenger vehicle' | 'pickup truck' | 'tractor-trailer' | 'van' | 'SUV';
  /** World manufacturer identifier: the VIN's first three characters. */
  wmi: string;
}

export const VEHICLE_MODELS: readonly VehicleModel[] = [
  { make: 'Ford', model: 'F-150', type: 'pickup truck', wmi: '1FT' },
  { make: 'Chevrolet', model: 'Silverado 1500', type: 'pickup truck', wmi: '1GC' },
  { make: 'Ram', model: '1500', type: 'pickup truck', wmi: '3C6' },
  { make: 'Toyota', model: 'Tacoma', type: 'pickup truck', wmi: '3TM' },
  { make: 'Nissan', model: 'Sentra', type: 'passenger vehicle', wmi: '3N1' },
  { make: 'Nissan', model: 'Versa', type: 'passenger vehicle', wmi: '3N1' },
  { make: 'Volkswagen', model: 'Jetta', type: 'passenger vehicle', wmi: '3VW' },
  { make: 'Honda', model: 'Civic', type: 'passenger vehicle', wmi: '2HG' },
  { make: 'Honda', model: 'Accord', type: 'passenger vehicle', wmi: '1HG' },
  { make: 'Toyota', model: 'Camry', type: 'passenger vehicle', wmi: '4T1' },
  { make: 'Chevrolet', model: 'Suburban', type: 'SUV', wmi: '1GN' },
  { make: 'Jeep', model: 'Grand Cherokee', type: 'SUV', wmi: '1C4' },
  { make: 'Ford', model: 'Transit', type: 'van', wmi: '1FT' },
  { make: 'Freightliner', model: 'Cascadia', type: 'tractor-trailer', wmi: '3AK' },
  { make: 'Kenworth', model: 'T680', type: 'tractor-trailer', wmi: '1XK' },
];

export const VEHICLE_COLORS: readonly string[] = [
  'white',
  'black',
  'silver',
  'gray',
  'red',
  'blue',
  'green',
  'gold',
];
