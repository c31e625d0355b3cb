/**
 * The courses' own words (src/models/courses, src/models/iris.ts, src/models/data/housing.ts):
 * titles, summaries, the nouns for one example, the recipes' titles and notes, the training
 * settings' labels and hints, input presets, loading progress, housing's features and glossary.
 * Keras' class names, sklearn's feature keys (MedInc, ...) and the Iris species stay as they are.
 */
import { defineMessages } from '../define';
import { formatFixed, formatInteger } from '../format';

/** A JavaScript number as the course writes it (0.001), with a decimal comma in German (0,001). */
const plainDe = (x: number) => String(x).replace('.', ',');

export const modelsCourses = defineMessages(
  'models-courses',
  {
    settings: {
      epochs: 'Epochs',
      learningRate: 'Learning rate',
      hiddenUnits: 'Hidden units',
      hiddenUnitsEachDense: 'Hidden units (each Dense)',
      seed: 'Seed',
      courseHint: (value: number) => `course: ${value}`,
      rmspropHint: (value: number) => `RMSprop default: ${value}`,
      seedHint: 'same seed, same run',
    },
    iris: {
      title: 'Iris flowers',
      summary: 'Tell three species of iris apart from four measurements of a flower.',
      one: 'flower',
      many: 'flowers',
      loaded: 'Iris loaded',
      sequentialNote: 'The course model, with separate Activation layers as the course writes it.',
      courseFlower: (n: number) => `Course flower ${n}`,
      sample: (n: number, species: string) => `A ${species} (row ${n})`,
      features: {
        sepalLength: 'sepal length (cm)',
        sepalWidth: 'sepal width (cm)',
        petalLength: 'petal length (cm)',
        petalWidth: 'petal width (cm)',
      },
      recipeTitle: 'Iris (course)',
    },
    mnist: {
      title: 'MNIST digits',
      summary: (train: number, test: number) =>
        `Read handwritten digits: ${formatInteger(train)} training and ${formatInteger(test)} test images of 28 × 28 grey levels.`,
      one: 'digit',
      many: 'digits',
      loading: 'Loading the MNIST images…',
      loadingMb: (loaded: number, total: number) => `Loading the MNIST images: ${formatFixed(loaded, 1)} of ${formatFixed(total, 1)} MB…`,
      loaded: 'MNIST loaded',
      sequentialTitle: 'Sequential, raw pixels 0..255',
      sequentialNote: 'keras.Sequential as the course first writes it, trained on the raw grey levels 0..255.',
      functionalTitle: 'Functional API, raw pixels 0..255',
      functionalNote: 'The same model written with keras.Input and keras.Model: the same seed gives the same numbers.',
      rescalingTitle: 'Sequential with Rescaling(1/255)',
      rescalingNote: 'The improvement: Rescaling(1/255) first, so the network sees pixels in 0..1.',
      cnnTitle: 'Convolutional network (CNN)',
      cnnNote: 'The image classifier: two Conv2D + MaxPooling2D blocks learn local strokes; hidden units do not apply. Slower to train: try fewer epochs first.',
      recipeSequential: 'MNIST, Sequential (raw pixels)',
      recipeFunctional: 'MNIST, functional API (raw pixels)',
      recipeRescaling: 'MNIST, Sequential with Rescaling(1/255)',
      recipeCnn: 'MNIST, convolutional network',
    },
    photos: {
      recipeTitle: 'Your photos, convolutional network',
    },
    housing: {
      title: 'California housing',
      summary: 'Predict the median house value of a California district (1990 census) from eight numbers about it.',
      one: 'district',
      many: 'districts',
      loading: (rows: number) => `Loading ${formatInteger(rows)} California districts…`,
      loaded: 'California housing loaded',
      sequentialNote: 'The course model: two hidden layers with Dropout(0.1) and one linear output, the price.',
      recipeTitle: 'California housing (course)',
      presetBerkeley: (price: string) => `Row 0: Berkeley hills (${price})`,
      presetSantaMonica: (price: string) => `Coastal: Santa Monica, row 8881 (${price})`,
      presetFresno: (price: string) => `Inland: Fresno, row 1986 (${price})`,
      medianDistrict: "Median district (each feature's median)",
      /** Whole dollars: 206300 -> "$206,300", -5000 -> "-$5,000". */
      dollars: (dollars: number) => `${dollars < 0 ? '-' : ''}$${Math.abs(dollars).toLocaleString('en-US', { maximumFractionDigits: 0 })}`,
      outputTerm: (key: string, unit: string) => `${key} (the output, ${unit})`,
      features: {
        MedInc: {
          label: 'MedInc (median income, $10,000s)',
          unit: '$10,000s',
          meaning: 'Median income of the households in the district, in tens of thousands of dollars (3.5 = $35,000 a year).',
        },
        HouseAge: { label: 'HouseAge (median age, years)', unit: 'years', meaning: 'Median age of the houses in the district.' },
        AveRooms: {
          label: 'AveRooms (rooms per household)',
          unit: 'rooms',
          meaning: 'Average number of rooms per household (all rooms in the district divided by its households).',
        },
        AveBedrms: { label: 'AveBedrms (bedrooms per household)', unit: 'bedrooms', meaning: 'Average number of bedrooms per household.' },
        Population: {
          label: 'Population (people)',
          unit: 'people',
          meaning: 'How many people live in the district (a block group, usually 600 to 3,000 people).',
        },
        AveOccup: { label: 'AveOccup (people per household)', unit: 'people', meaning: 'Average number of people per household.' },
        Latitude: {
          label: 'Latitude (degrees north)',
          unit: '° N',
          meaning: 'How far north the district lies (32.5 near San Diego to 42 at the Oregon border).',
        },
        Longitude: {
          label: 'Longitude (degrees, negative = west)',
          unit: '° E',
          meaning: 'How far west the district lies; negative, as all of California is west of Greenwich (-124.4 at the coast to -114.3).',
        },
      },
      target: {
        label: 'median house value',
        unit: '$100,000s',
        meaning: 'Median value of the owner-occupied houses in the district, in units of $100,000 (2.063 = $206,300). The census capped it at $500,001.',
      },
    },
  },
  {
    settings: {
      epochs: 'Epochen',
      learningRate: 'Lernrate',
      hiddenUnits: 'Neuronen (verborgene Schicht)',
      hiddenUnitsEachDense: 'Neuronen (je verborgene Dense-Schicht)',
      seed: 'Seed',
      courseHint: (value) => `Kurs: ${plainDe(value)}`,
      rmspropHint: (value) => `RMSprop-Standard: ${plainDe(value)}`,
      seedHint: 'gleicher Seed, gleicher Lauf',
    },
    iris: {
      title: 'Iris-Blüten',
      summary: 'Drei Iris-Arten an vier Maßen einer Blüte unterscheiden.',
      one: 'Blüte',
      many: 'Blüten',
      loaded: 'Iris geladen',
      sequentialNote: 'Das Kursmodell, mit eigenen Activation-Schichten, wie der Kurs es schreibt.',
      courseFlower: (n) => `Blüte ${n} aus dem Kurs`,
      sample: (n, species) => `Eine Iris ${species} (Zeile ${n})`,
      features: {
        sepalLength: 'Kelchblattlänge (cm)',
        sepalWidth: 'Kelchblattbreite (cm)',
        petalLength: 'Kronblattlänge (cm)',
        petalWidth: 'Kronblattbreite (cm)',
      },
      recipeTitle: 'Iris (Kurs)',
    },
    mnist: {
      title: 'MNIST-Ziffern',
      summary: (train, test) =>
        `Handgeschriebene Ziffern lesen: ${formatInteger(train)} Trainings- und ${formatInteger(test)} Testbilder aus 28 × 28 Graustufen.`,
      one: 'Ziffer',
      many: 'Ziffern',
      loading: 'Die MNIST-Bilder werden geladen…',
      loadingMb: (loaded, total) => `Die MNIST-Bilder werden geladen: ${formatFixed(loaded, 1)} von ${formatFixed(total, 1)} MB…`,
      loaded: 'MNIST geladen',
      sequentialTitle: 'Sequential, rohe Pixel 0..255',
      sequentialNote: 'keras.Sequential, wie der Kurs es zuerst schreibt, trainiert auf den rohen Graustufen 0..255.',
      functionalTitle: 'Functional API, rohe Pixel 0..255',
      functionalNote: 'Dasselbe Modell mit keras.Input und keras.Model geschrieben: Derselbe Seed ergibt dieselben Zahlen.',
      rescalingTitle: 'Sequential mit Rescaling(1/255)',
      rescalingNote: 'Die Verbesserung: zuerst Rescaling(1/255), sodass das Netz Pixel im Bereich 0..1 sieht.',
      cnnTitle: 'Faltungsnetz (CNN)',
      cnnNote:
        'Der Bildklassifikator: Zwei Blöcke aus Conv2D + MaxPooling2D lernen lokale Striche; die Neuronenzahl der verborgenen Schicht spielt hier keine Rolle. Das Training dauert länger: zuerst mit weniger Epochen probieren.',
      recipeSequential: 'MNIST, Sequential (rohe Pixel)',
      recipeFunctional: 'MNIST, Functional API (rohe Pixel)',
      recipeRescaling: 'MNIST, Sequential mit Rescaling(1/255)',
      recipeCnn: 'MNIST, Faltungsnetz',
    },
    photos: {
      recipeTitle: 'Ihre Fotos, Faltungsnetz',
    },
    housing: {
      title: 'Kalifornische Immobilienpreise',
      summary: 'Den mittleren Hauswert (Median) eines kalifornischen Bezirks (Volkszählung 1990) aus acht Zahlen über ihn vorhersagen.',
      one: 'Bezirk',
      many: 'Bezirke',
      loading: (rows) => `${formatInteger(rows)} kalifornische Bezirke werden geladen…`,
      loaded: 'Kalifornische Immobilienpreise geladen',
      sequentialNote: 'Das Kursmodell: zwei verborgene Schichten mit Dropout(0.1) und eine lineare Ausgabe, der Preis.',
      recipeTitle: 'Kalifornische Immobilienpreise (Kurs)',
      presetBerkeley: (price) => `Zeile 0: Berkeley Hills (${price})`,
      presetSantaMonica: (price) => `An der Küste: Santa Monica, Zeile 8881 (${price})`,
      presetFresno: (price) => `Im Landesinneren: Fresno, Zeile 1986 (${price})`,
      medianDistrict: 'Median-Bezirk (der Median jedes Merkmals)',
      dollars: (dollars) => `${formatInteger(dollars)} $`,
      outputTerm: (key, unit) => `${key} (die Ausgabe, in ${unit})`,
      features: {
        MedInc: {
          label: 'MedInc (Medianeinkommen, in 10.000 $)',
          unit: '10.000 $',
          meaning: 'Medianeinkommen der Haushalte im Bezirk, in Zehntausend Dollar (3,5 = 35.000 $ im Jahr).',
        },
        HouseAge: { label: 'HouseAge (Medianalter, Jahre)', unit: 'Jahre', meaning: 'Medianalter der Häuser im Bezirk.' },
        AveRooms: {
          label: 'AveRooms (Zimmer je Haushalt)',
          unit: 'Zimmer',
          meaning: 'Durchschnittliche Zahl der Zimmer je Haushalt (alle Zimmer im Bezirk geteilt durch seine Haushalte).',
        },
        AveBedrms: { label: 'AveBedrms (Schlafzimmer je Haushalt)', unit: 'Schlafzimmer', meaning: 'Durchschnittliche Zahl der Schlafzimmer je Haushalt.' },
        Population: {
          label: 'Population (Einwohner)',
          unit: 'Personen',
          meaning: 'Wie viele Menschen im Bezirk leben (eine Blockgruppe der Volkszählung, meist 600 bis 3.000 Personen).',
        },
        AveOccup: { label: 'AveOccup (Personen je Haushalt)', unit: 'Personen', meaning: 'Durchschnittliche Zahl der Personen je Haushalt.' },
        Latitude: {
          label: 'Latitude (Breitengrad, Grad Nord)',
          unit: '° N',
          meaning: 'Wie weit nördlich der Bezirk liegt (32,5 bei San Diego bis 42 an der Grenze zu Oregon).',
        },
        Longitude: {
          label: 'Longitude (Längengrad, negativ = West)',
          unit: '° O',
          meaning: 'Wie weit westlich der Bezirk liegt; negativ, da ganz Kalifornien westlich von Greenwich liegt (−124,4 an der Küste bis −114,3).',
        },
      },
      target: {
        label: 'mittlerer Hauswert (Median)',
        unit: '100.000 $',
        meaning: 'Medianwert der selbst bewohnten Häuser im Bezirk, in Einheiten von 100.000 $ (2,063 = 206.300 $). Die Volkszählung hat ihn bei 500.001 $ gekappt.',
      },
    },
  },
);
