// @generated
impl serde::Serialize for AutoResolvePredictionRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.outcome != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.AutoResolvePredictionRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.outcome != 0 {
            let v = Outcome::try_from(self.outcome)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.outcome)))?;
            struct_ser.serialize_field("outcome", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AutoResolvePredictionRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "outcome",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            Outcome,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "outcome" => Ok(GeneratedField::Outcome),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AutoResolvePredictionRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.AutoResolvePredictionRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AutoResolvePredictionRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut outcome__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Outcome => {
                            if outcome__.is_some() {
                                return Err(serde::de::Error::duplicate_field("outcome"));
                            }
                            outcome__ = Some(map_.next_value::<Outcome>()? as i32);
                        }
                    }
                }
                Ok(AutoResolvePredictionRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    outcome: outcome__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.AutoResolvePredictionRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AutoResolvePredictionResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.status != 0 {
            len += 1;
        }
        if self.prediction_error.is_some() {
            len += 1;
        }
        if self.confidence.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.AutoResolvePredictionResponse", len)?;
        if self.status != 0 {
            let v = ResolutionStatus::try_from(self.status)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.status)))?;
            struct_ser.serialize_field("status", &v)?;
        }
        if let Some(v) = self.prediction_error.as_ref() {
            struct_ser.serialize_field("predictionError", v)?;
        }
        if let Some(v) = self.confidence.as_ref() {
            struct_ser.serialize_field("confidence", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AutoResolvePredictionResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "status",
            "prediction_error",
            "predictionError",
            "confidence",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Status,
            PredictionError,
            Confidence,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "status" => Ok(GeneratedField::Status),
                            "predictionError" | "prediction_error" => Ok(GeneratedField::PredictionError),
                            "confidence" => Ok(GeneratedField::Confidence),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AutoResolvePredictionResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.AutoResolvePredictionResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AutoResolvePredictionResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut status__ = None;
                let mut prediction_error__ = None;
                let mut confidence__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value::<ResolutionStatus>()? as i32);
                        }
                        GeneratedField::PredictionError => {
                            if prediction_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predictionError"));
                            }
                            prediction_error__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = map_.next_value()?;
                        }
                    }
                }
                Ok(AutoResolvePredictionResponse {
                    status: status__.unwrap_or_default(),
                    prediction_error: prediction_error__,
                    confidence: confidence__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.AutoResolvePredictionResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchGetConfidenceRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_ids.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchGetConfidenceRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_ids.is_empty() {
            struct_ser.serialize_field("recordIds", &self.record_ids)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchGetConfidenceRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_ids",
            "recordIds",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordIds,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordIds" | "record_ids" => Ok(GeneratedField::RecordIds),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchGetConfidenceRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchGetConfidenceRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchGetConfidenceRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_ids__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordIds => {
                            if record_ids__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordIds"));
                            }
                            record_ids__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchGetConfidenceRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_ids: record_ids__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchGetConfidenceRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchGetConfidenceResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.states.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchGetConfidenceResponse", len)?;
        if !self.states.is_empty() {
            struct_ser.serialize_field("states", &self.states)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchGetConfidenceResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "states",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            States,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "states" => Ok(GeneratedField::States),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchGetConfidenceResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchGetConfidenceResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchGetConfidenceResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut states__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::States => {
                            if states__.is_some() {
                                return Err(serde::de::Error::duplicate_field("states"));
                            }
                            states__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchGetConfidenceResponse {
                    states: states__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchGetConfidenceResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchGetRecordsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_ids.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchGetRecordsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_ids.is_empty() {
            struct_ser.serialize_field("recordIds", &self.record_ids)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchGetRecordsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_ids",
            "recordIds",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordIds,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordIds" | "record_ids" => Ok(GeneratedField::RecordIds),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchGetRecordsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchGetRecordsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchGetRecordsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_ids__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordIds => {
                            if record_ids__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordIds"));
                            }
                            record_ids__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchGetRecordsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_ids: record_ids__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchGetRecordsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchGetRecordsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.records.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchGetRecordsResponse", len)?;
        if !self.records.is_empty() {
            struct_ser.serialize_field("records", &self.records)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchGetRecordsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "records",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Records,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "records" => Ok(GeneratedField::Records),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchGetRecordsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchGetRecordsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchGetRecordsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut records__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Records => {
                            if records__.is_some() {
                                return Err(serde::de::Error::duplicate_field("records"));
                            }
                            records__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchGetRecordsResponse {
                    records: records__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchGetRecordsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchLinkRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.links.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchLinkRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.links.is_empty() {
            struct_ser.serialize_field("links", &self.links)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchLinkRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "links",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Links,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "links" => Ok(GeneratedField::Links),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchLinkRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchLinkRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchLinkRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut links__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Links => {
                            if links__.is_some() {
                                return Err(serde::de::Error::duplicate_field("links"));
                            }
                            links__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchLinkRequest {
                    namespace: namespace__.unwrap_or_default(),
                    links: links__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchLinkRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchLinkResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.results.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchLinkResponse", len)?;
        if !self.results.is_empty() {
            struct_ser.serialize_field("results", &self.results)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchLinkResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "results",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Results,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "results" => Ok(GeneratedField::Results),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchLinkResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchLinkResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchLinkResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut results__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Results => {
                            if results__.is_some() {
                                return Err(serde::de::Error::duplicate_field("results"));
                            }
                            results__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchLinkResponse {
                    results: results__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchLinkResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchSearchRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.queries.is_empty() {
            len += 1;
        }
        if self.top_k.is_some() {
            len += 1;
        }
        if self.min_score.is_some() {
            len += 1;
        }
        if !self.filter.is_empty() {
            len += 1;
        }
        if self.ranking != 0 {
            len += 1;
        }
        if !self.consistency_token.is_empty() {
            len += 1;
        }
        if self.time_range.is_some() {
            len += 1;
        }
        if self.recency.is_some() {
            len += 1;
        }
        if self.fusion.is_some() {
            len += 1;
        }
        if self.exact {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchSearchRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.queries.is_empty() {
            struct_ser.serialize_field("queries", &self.queries)?;
        }
        if let Some(v) = self.top_k.as_ref() {
            struct_ser.serialize_field("topK", v)?;
        }
        if let Some(v) = self.min_score.as_ref() {
            struct_ser.serialize_field("minScore", v)?;
        }
        if !self.filter.is_empty() {
            struct_ser.serialize_field("filter", &self.filter)?;
        }
        if self.ranking != 0 {
            let v = Ranking::try_from(self.ranking)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.ranking)))?;
            struct_ser.serialize_field("ranking", &v)?;
        }
        if !self.consistency_token.is_empty() {
            struct_ser.serialize_field("consistencyToken", &self.consistency_token)?;
        }
        if let Some(v) = self.time_range.as_ref() {
            struct_ser.serialize_field("timeRange", v)?;
        }
        if let Some(v) = self.recency.as_ref() {
            struct_ser.serialize_field("recency", v)?;
        }
        if let Some(v) = self.fusion.as_ref() {
            struct_ser.serialize_field("fusion", v)?;
        }
        if self.exact {
            struct_ser.serialize_field("exact", &self.exact)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchSearchRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "queries",
            "top_k",
            "topK",
            "min_score",
            "minScore",
            "filter",
            "ranking",
            "consistency_token",
            "consistencyToken",
            "time_range",
            "timeRange",
            "recency",
            "fusion",
            "exact",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Queries,
            TopK,
            MinScore,
            Filter,
            Ranking,
            ConsistencyToken,
            TimeRange,
            Recency,
            Fusion,
            Exact,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "queries" => Ok(GeneratedField::Queries),
                            "topK" | "top_k" => Ok(GeneratedField::TopK),
                            "minScore" | "min_score" => Ok(GeneratedField::MinScore),
                            "filter" => Ok(GeneratedField::Filter),
                            "ranking" => Ok(GeneratedField::Ranking),
                            "consistencyToken" | "consistency_token" => Ok(GeneratedField::ConsistencyToken),
                            "timeRange" | "time_range" => Ok(GeneratedField::TimeRange),
                            "recency" => Ok(GeneratedField::Recency),
                            "fusion" => Ok(GeneratedField::Fusion),
                            "exact" => Ok(GeneratedField::Exact),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchSearchRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchSearchRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchSearchRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut queries__ = None;
                let mut top_k__ = None;
                let mut min_score__ = None;
                let mut filter__ = None;
                let mut ranking__ = None;
                let mut consistency_token__ = None;
                let mut time_range__ = None;
                let mut recency__ = None;
                let mut fusion__ = None;
                let mut exact__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Queries => {
                            if queries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("queries"));
                            }
                            queries__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TopK => {
                            if top_k__.is_some() {
                                return Err(serde::de::Error::duplicate_field("topK"));
                            }
                            top_k__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::MinScore => {
                            if min_score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("minScore"));
                            }
                            min_score__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Filter => {
                            if filter__.is_some() {
                                return Err(serde::de::Error::duplicate_field("filter"));
                            }
                            filter__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Ranking => {
                            if ranking__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ranking"));
                            }
                            ranking__ = Some(map_.next_value::<Ranking>()? as i32);
                        }
                        GeneratedField::ConsistencyToken => {
                            if consistency_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("consistencyToken"));
                            }
                            consistency_token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TimeRange => {
                            if time_range__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeRange"));
                            }
                            time_range__ = map_.next_value()?;
                        }
                        GeneratedField::Recency => {
                            if recency__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recency"));
                            }
                            recency__ = map_.next_value()?;
                        }
                        GeneratedField::Fusion => {
                            if fusion__.is_some() {
                                return Err(serde::de::Error::duplicate_field("fusion"));
                            }
                            fusion__ = map_.next_value()?;
                        }
                        GeneratedField::Exact => {
                            if exact__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exact"));
                            }
                            exact__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchSearchRequest {
                    namespace: namespace__.unwrap_or_default(),
                    queries: queries__.unwrap_or_default(),
                    top_k: top_k__,
                    min_score: min_score__,
                    filter: filter__.unwrap_or_default(),
                    ranking: ranking__.unwrap_or_default(),
                    consistency_token: consistency_token__.unwrap_or_default(),
                    time_range: time_range__,
                    recency: recency__,
                    fusion: fusion__,
                    exact: exact__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchSearchRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchSearchResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.query_index != 0 {
            len += 1;
        }
        if !self.hits.is_empty() {
            len += 1;
        }
        if self.search_path != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchSearchResponse", len)?;
        if self.query_index != 0 {
            struct_ser.serialize_field("queryIndex", &self.query_index)?;
        }
        if !self.hits.is_empty() {
            struct_ser.serialize_field("hits", &self.hits)?;
        }
        if self.search_path != 0 {
            let v = SearchPath::try_from(self.search_path)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.search_path)))?;
            struct_ser.serialize_field("searchPath", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchSearchResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "query_index",
            "queryIndex",
            "hits",
            "search_path",
            "searchPath",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            QueryIndex,
            Hits,
            SearchPath,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "queryIndex" | "query_index" => Ok(GeneratedField::QueryIndex),
                            "hits" => Ok(GeneratedField::Hits),
                            "searchPath" | "search_path" => Ok(GeneratedField::SearchPath),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchSearchResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchSearchResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchSearchResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut query_index__ = None;
                let mut hits__ = None;
                let mut search_path__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::QueryIndex => {
                            if query_index__.is_some() {
                                return Err(serde::de::Error::duplicate_field("queryIndex"));
                            }
                            query_index__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Hits => {
                            if hits__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hits"));
                            }
                            hits__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SearchPath => {
                            if search_path__.is_some() {
                                return Err(serde::de::Error::duplicate_field("searchPath"));
                            }
                            search_path__ = Some(map_.next_value::<SearchPath>()? as i32);
                        }
                    }
                }
                Ok(BatchSearchResponse {
                    query_index: query_index__.unwrap_or_default(),
                    hits: hits__.unwrap_or_default(),
                    search_path: search_path__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchSearchResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchStrengthenRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.edges.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchStrengthenRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.edges.is_empty() {
            struct_ser.serialize_field("edges", &self.edges)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchStrengthenRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "edges",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Edges,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "edges" => Ok(GeneratedField::Edges),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchStrengthenRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchStrengthenRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchStrengthenRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut edges__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Edges => {
                            if edges__.is_some() {
                                return Err(serde::de::Error::duplicate_field("edges"));
                            }
                            edges__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchStrengthenRequest {
                    namespace: namespace__.unwrap_or_default(),
                    edges: edges__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchStrengthenRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchStrengthenResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.weights.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchStrengthenResponse", len)?;
        if !self.weights.is_empty() {
            struct_ser.serialize_field("weights", &self.weights)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchStrengthenResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "weights",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Weights,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "weights" => Ok(GeneratedField::Weights),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchStrengthenResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchStrengthenResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchStrengthenResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut weights__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Weights => {
                            if weights__.is_some() {
                                return Err(serde::de::Error::duplicate_field("weights"));
                            }
                            weights__ = 
                                Some(map_.next_value::<Vec<::pbjson::private::NumberDeserialize<_>>>()?
                                    .into_iter().map(|x| x.0).collect())
                            ;
                        }
                    }
                }
                Ok(BatchStrengthenResponse {
                    weights: weights__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchStrengthenResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchUpdateConfidenceRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.updates.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchUpdateConfidenceRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.updates.is_empty() {
            struct_ser.serialize_field("updates", &self.updates)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchUpdateConfidenceRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "updates",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Updates,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "updates" => Ok(GeneratedField::Updates),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchUpdateConfidenceRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchUpdateConfidenceRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchUpdateConfidenceRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut updates__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Updates => {
                            if updates__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updates"));
                            }
                            updates__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchUpdateConfidenceRequest {
                    namespace: namespace__.unwrap_or_default(),
                    updates: updates__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchUpdateConfidenceRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BatchUpdateConfidenceResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.states.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.BatchUpdateConfidenceResponse", len)?;
        if !self.states.is_empty() {
            struct_ser.serialize_field("states", &self.states)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BatchUpdateConfidenceResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "states",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            States,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "states" => Ok(GeneratedField::States),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BatchUpdateConfidenceResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.BatchUpdateConfidenceResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BatchUpdateConfidenceResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut states__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::States => {
                            if states__.is_some() {
                                return Err(serde::de::Error::duplicate_field("states"));
                            }
                            states__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BatchUpdateConfidenceResponse {
                    states: states__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.BatchUpdateConfidenceResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ConfidenceState {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.confidence != 0. {
            len += 1;
        }
        if self.evidence_count != 0 {
            len += 1;
        }
        if self.corroborations != 0 {
            len += 1;
        }
        if self.contradictions != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ConfidenceState", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.confidence != 0. {
            struct_ser.serialize_field("confidence", &self.confidence)?;
        }
        if self.evidence_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("evidenceCount", ToString::to_string(&self.evidence_count).as_str())?;
        }
        if self.corroborations != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("corroborations", ToString::to_string(&self.corroborations).as_str())?;
        }
        if self.contradictions != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("contradictions", ToString::to_string(&self.contradictions).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ConfidenceState {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "confidence",
            "evidence_count",
            "evidenceCount",
            "corroborations",
            "contradictions",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Confidence,
            EvidenceCount,
            Corroborations,
            Contradictions,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "confidence" => Ok(GeneratedField::Confidence),
                            "evidenceCount" | "evidence_count" => Ok(GeneratedField::EvidenceCount),
                            "corroborations" => Ok(GeneratedField::Corroborations),
                            "contradictions" => Ok(GeneratedField::Contradictions),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ConfidenceState;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ConfidenceState")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ConfidenceState, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut confidence__ = None;
                let mut evidence_count__ = None;
                let mut corroborations__ = None;
                let mut contradictions__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::EvidenceCount => {
                            if evidence_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("evidenceCount"));
                            }
                            evidence_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Corroborations => {
                            if corroborations__.is_some() {
                                return Err(serde::de::Error::duplicate_field("corroborations"));
                            }
                            corroborations__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Contradictions => {
                            if contradictions__.is_some() {
                                return Err(serde::de::Error::duplicate_field("contradictions"));
                            }
                            contradictions__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ConfidenceState {
                    record_id: record_id__.unwrap_or_default(),
                    confidence: confidence__.unwrap_or_default(),
                    evidence_count: evidence_count__.unwrap_or_default(),
                    corroborations: corroborations__.unwrap_or_default(),
                    contradictions: contradictions__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ConfidenceState", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ConfidenceUpdate {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.signal.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ConfidenceUpdate", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if let Some(v) = self.signal.as_ref() {
            struct_ser.serialize_field("signal", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ConfidenceUpdate {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "signal",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Signal,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "signal" => Ok(GeneratedField::Signal),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ConfidenceUpdate;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ConfidenceUpdate")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ConfidenceUpdate, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut signal__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Signal => {
                            if signal__.is_some() {
                                return Err(serde::de::Error::duplicate_field("signal"));
                            }
                            signal__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(ConfidenceUpdate {
                    record_id: record_id__.unwrap_or_default(),
                    signal: signal__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ConfidenceUpdate", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteEmbeddingRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.DeleteEmbeddingRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteEmbeddingRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteEmbeddingRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.DeleteEmbeddingRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteEmbeddingRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(DeleteEmbeddingRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.DeleteEmbeddingRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteEmbeddingResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.deleted {
            len += 1;
        }
        if !self.consistency_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.DeleteEmbeddingResponse", len)?;
        if self.deleted {
            struct_ser.serialize_field("deleted", &self.deleted)?;
        }
        if !self.consistency_token.is_empty() {
            struct_ser.serialize_field("consistencyToken", &self.consistency_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteEmbeddingResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "deleted",
            "consistency_token",
            "consistencyToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Deleted,
            ConsistencyToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "deleted" => Ok(GeneratedField::Deleted),
                            "consistencyToken" | "consistency_token" => Ok(GeneratedField::ConsistencyToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteEmbeddingResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.DeleteEmbeddingResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteEmbeddingResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut deleted__ = None;
                let mut consistency_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Deleted => {
                            if deleted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("deleted"));
                            }
                            deleted__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ConsistencyToken => {
                            if consistency_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("consistencyToken"));
                            }
                            consistency_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(DeleteEmbeddingResponse {
                    deleted: deleted__.unwrap_or_default(),
                    consistency_token: consistency_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.DeleteEmbeddingResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteNamespaceRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.DeleteNamespaceRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteNamespaceRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteNamespaceRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.DeleteNamespaceRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteNamespaceRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(DeleteNamespaceRequest {
                    namespace: namespace__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.DeleteNamespaceRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteNamespaceResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.deleted_key_count != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.DeleteNamespaceResponse", len)?;
        if self.deleted_key_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("deletedKeyCount", ToString::to_string(&self.deleted_key_count).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteNamespaceResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "deleted_key_count",
            "deletedKeyCount",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            DeletedKeyCount,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "deletedKeyCount" | "deleted_key_count" => Ok(GeneratedField::DeletedKeyCount),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteNamespaceResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.DeleteNamespaceResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteNamespaceResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut deleted_key_count__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::DeletedKeyCount => {
                            if deleted_key_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("deletedKeyCount"));
                            }
                            deleted_key_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(DeleteNamespaceResponse {
                    deleted_key_count: deleted_key_count__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.DeleteNamespaceResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteRecordRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.DeleteRecordRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteRecordRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteRecordRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.DeleteRecordRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteRecordRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(DeleteRecordRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.DeleteRecordRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteRecordResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.deleted {
            len += 1;
        }
        if self.removed_edge_count != 0 {
            len += 1;
        }
        if !self.consistency_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.DeleteRecordResponse", len)?;
        if self.deleted {
            struct_ser.serialize_field("deleted", &self.deleted)?;
        }
        if self.removed_edge_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("removedEdgeCount", ToString::to_string(&self.removed_edge_count).as_str())?;
        }
        if !self.consistency_token.is_empty() {
            struct_ser.serialize_field("consistencyToken", &self.consistency_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteRecordResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "deleted",
            "removed_edge_count",
            "removedEdgeCount",
            "consistency_token",
            "consistencyToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Deleted,
            RemovedEdgeCount,
            ConsistencyToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "deleted" => Ok(GeneratedField::Deleted),
                            "removedEdgeCount" | "removed_edge_count" => Ok(GeneratedField::RemovedEdgeCount),
                            "consistencyToken" | "consistency_token" => Ok(GeneratedField::ConsistencyToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteRecordResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.DeleteRecordResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteRecordResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut deleted__ = None;
                let mut removed_edge_count__ = None;
                let mut consistency_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Deleted => {
                            if deleted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("deleted"));
                            }
                            deleted__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RemovedEdgeCount => {
                            if removed_edge_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("removedEdgeCount"));
                            }
                            removed_edge_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ConsistencyToken => {
                            if consistency_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("consistencyToken"));
                            }
                            consistency_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(DeleteRecordResponse {
                    deleted: deleted__.unwrap_or_default(),
                    removed_edge_count: removed_edge_count__.unwrap_or_default(),
                    consistency_token: consistency_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.DeleteRecordResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Edge {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.weight != 0. {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.Edge", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.weight != 0. {
            struct_ser.serialize_field("weight", &self.weight)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Edge {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "weight",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Weight,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "weight" => Ok(GeneratedField::Weight),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Edge;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.Edge")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Edge, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut weight__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Weight => {
                            if weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("weight"));
                            }
                            weight__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(Edge {
                    record_id: record_id__.unwrap_or_default(),
                    weight: weight__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.Edge", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for EmbedRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.texts.is_empty() {
            len += 1;
        }
        if self.input_type != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.EmbedRequest", len)?;
        if !self.texts.is_empty() {
            struct_ser.serialize_field("texts", &self.texts)?;
        }
        if self.input_type != 0 {
            let v = InputType::try_from(self.input_type)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.input_type)))?;
            struct_ser.serialize_field("inputType", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for EmbedRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "texts",
            "input_type",
            "inputType",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Texts,
            InputType,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "texts" => Ok(GeneratedField::Texts),
                            "inputType" | "input_type" => Ok(GeneratedField::InputType),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = EmbedRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.EmbedRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<EmbedRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut texts__ = None;
                let mut input_type__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Texts => {
                            if texts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("texts"));
                            }
                            texts__ = Some(map_.next_value()?);
                        }
                        GeneratedField::InputType => {
                            if input_type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("inputType"));
                            }
                            input_type__ = Some(map_.next_value::<InputType>()? as i32);
                        }
                    }
                }
                Ok(EmbedRequest {
                    texts: texts__.unwrap_or_default(),
                    input_type: input_type__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.EmbedRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for EmbedResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.vectors.is_empty() {
            len += 1;
        }
        if !self.model.is_empty() {
            len += 1;
        }
        if self.dimensions != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.EmbedResponse", len)?;
        if !self.vectors.is_empty() {
            struct_ser.serialize_field("vectors", &self.vectors)?;
        }
        if !self.model.is_empty() {
            struct_ser.serialize_field("model", &self.model)?;
        }
        if self.dimensions != 0 {
            struct_ser.serialize_field("dimensions", &self.dimensions)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for EmbedResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "vectors",
            "model",
            "dimensions",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Vectors,
            Model,
            Dimensions,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "vectors" => Ok(GeneratedField::Vectors),
                            "model" => Ok(GeneratedField::Model),
                            "dimensions" => Ok(GeneratedField::Dimensions),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = EmbedResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.EmbedResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<EmbedResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut vectors__ = None;
                let mut model__ = None;
                let mut dimensions__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Vectors => {
                            if vectors__.is_some() {
                                return Err(serde::de::Error::duplicate_field("vectors"));
                            }
                            vectors__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Model => {
                            if model__.is_some() {
                                return Err(serde::de::Error::duplicate_field("model"));
                            }
                            model__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Dimensions => {
                            if dimensions__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dimensions"));
                            }
                            dimensions__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(EmbedResponse {
                    vectors: vectors__.unwrap_or_default(),
                    model: model__.unwrap_or_default(),
                    dimensions: dimensions__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.EmbedResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ErrorGrouping {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "ERROR_GROUPING_UNSPECIFIED",
            Self::Hour => "ERROR_GROUPING_HOUR",
            Self::Weekday => "ERROR_GROUPING_WEEKDAY",
            Self::Day => "ERROR_GROUPING_DAY",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for ErrorGrouping {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "ERROR_GROUPING_UNSPECIFIED",
            "ERROR_GROUPING_HOUR",
            "ERROR_GROUPING_WEEKDAY",
            "ERROR_GROUPING_DAY",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ErrorGrouping;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "ERROR_GROUPING_UNSPECIFIED" => Ok(ErrorGrouping::Unspecified),
                    "ERROR_GROUPING_HOUR" => Ok(ErrorGrouping::Hour),
                    "ERROR_GROUPING_WEEKDAY" => Ok(ErrorGrouping::Weekday),
                    "ERROR_GROUPING_DAY" => Ok(ErrorGrouping::Day),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for ErrorSummary {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.count != 0 {
            len += 1;
        }
        if self.mean != 0. {
            len += 1;
        }
        if self.stddev != 0. {
            len += 1;
        }
        if self.p50 != 0. {
            len += 1;
        }
        if self.p90 != 0. {
            len += 1;
        }
        if self.p99 != 0. {
            len += 1;
        }
        if self.max != 0. {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ErrorSummary", len)?;
        if self.count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("count", ToString::to_string(&self.count).as_str())?;
        }
        if self.mean != 0. {
            struct_ser.serialize_field("mean", &self.mean)?;
        }
        if self.stddev != 0. {
            struct_ser.serialize_field("stddev", &self.stddev)?;
        }
        if self.p50 != 0. {
            struct_ser.serialize_field("p50", &self.p50)?;
        }
        if self.p90 != 0. {
            struct_ser.serialize_field("p90", &self.p90)?;
        }
        if self.p99 != 0. {
            struct_ser.serialize_field("p99", &self.p99)?;
        }
        if self.max != 0. {
            struct_ser.serialize_field("max", &self.max)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ErrorSummary {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "count",
            "mean",
            "stddev",
            "p50",
            "p90",
            "p99",
            "max",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Count,
            Mean,
            Stddev,
            P50,
            P90,
            P99,
            Max,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "count" => Ok(GeneratedField::Count),
                            "mean" => Ok(GeneratedField::Mean),
                            "stddev" => Ok(GeneratedField::Stddev),
                            "p50" => Ok(GeneratedField::P50),
                            "p90" => Ok(GeneratedField::P90),
                            "p99" => Ok(GeneratedField::P99),
                            "max" => Ok(GeneratedField::Max),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ErrorSummary;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ErrorSummary")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ErrorSummary, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut count__ = None;
                let mut mean__ = None;
                let mut stddev__ = None;
                let mut p50__ = None;
                let mut p90__ = None;
                let mut p99__ = None;
                let mut max__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Count => {
                            if count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("count"));
                            }
                            count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Mean => {
                            if mean__.is_some() {
                                return Err(serde::de::Error::duplicate_field("mean"));
                            }
                            mean__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Stddev => {
                            if stddev__.is_some() {
                                return Err(serde::de::Error::duplicate_field("stddev"));
                            }
                            stddev__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::P50 => {
                            if p50__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p50"));
                            }
                            p50__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::P90 => {
                            if p90__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p90"));
                            }
                            p90__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::P99 => {
                            if p99__.is_some() {
                                return Err(serde::de::Error::duplicate_field("p99"));
                            }
                            p99__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Max => {
                            if max__.is_some() {
                                return Err(serde::de::Error::duplicate_field("max"));
                            }
                            max__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ErrorSummary {
                    count: count__.unwrap_or_default(),
                    mean: mean__.unwrap_or_default(),
                    stddev: stddev__.unwrap_or_default(),
                    p50: p50__.unwrap_or_default(),
                    p90: p90__.unwrap_or_default(),
                    p99: p99__.unwrap_or_default(),
                    max: max__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ErrorSummary", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ErrorSummaryGroup {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.key.is_empty() {
            len += 1;
        }
        if self.summary.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ErrorSummaryGroup", len)?;
        if !self.key.is_empty() {
            struct_ser.serialize_field("key", &self.key)?;
        }
        if let Some(v) = self.summary.as_ref() {
            struct_ser.serialize_field("summary", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ErrorSummaryGroup {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "key",
            "summary",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Key,
            Summary,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "key" => Ok(GeneratedField::Key),
                            "summary" => Ok(GeneratedField::Summary),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ErrorSummaryGroup;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ErrorSummaryGroup")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ErrorSummaryGroup, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut key__ = None;
                let mut summary__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Key => {
                            if key__.is_some() {
                                return Err(serde::de::Error::duplicate_field("key"));
                            }
                            key__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Summary => {
                            if summary__.is_some() {
                                return Err(serde::de::Error::duplicate_field("summary"));
                            }
                            summary__ = map_.next_value()?;
                        }
                    }
                }
                Ok(ErrorSummaryGroup {
                    key: key__.unwrap_or_default(),
                    summary: summary__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ErrorSummaryGroup", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ForgetReason {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "FORGET_REASON_UNSPECIFIED",
            Self::Expired => "FORGET_REASON_EXPIRED",
            Self::LowConfidenceUnused => "FORGET_REASON_LOW_CONFIDENCE_UNUSED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for ForgetReason {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "FORGET_REASON_UNSPECIFIED",
            "FORGET_REASON_EXPIRED",
            "FORGET_REASON_LOW_CONFIDENCE_UNUSED",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ForgetReason;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "FORGET_REASON_UNSPECIFIED" => Ok(ForgetReason::Unspecified),
                    "FORGET_REASON_EXPIRED" => Ok(ForgetReason::Expired),
                    "FORGET_REASON_LOW_CONFIDENCE_UNUSED" => Ok(ForgetReason::LowConfidenceUnused),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for ForgettableRecord {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.reason != 0 {
            len += 1;
        }
        if self.confidence != 0. {
            len += 1;
        }
        if self.expires_at.is_some() {
            len += 1;
        }
        if self.last_used_at.is_some() {
            len += 1;
        }
        if self.created_at.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ForgettableRecord", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.reason != 0 {
            let v = ForgetReason::try_from(self.reason)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.reason)))?;
            struct_ser.serialize_field("reason", &v)?;
        }
        if self.confidence != 0. {
            struct_ser.serialize_field("confidence", &self.confidence)?;
        }
        if let Some(v) = self.expires_at.as_ref() {
            struct_ser.serialize_field("expiresAt", v)?;
        }
        if let Some(v) = self.last_used_at.as_ref() {
            struct_ser.serialize_field("lastUsedAt", v)?;
        }
        if let Some(v) = self.created_at.as_ref() {
            struct_ser.serialize_field("createdAt", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ForgettableRecord {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "reason",
            "confidence",
            "expires_at",
            "expiresAt",
            "last_used_at",
            "lastUsedAt",
            "created_at",
            "createdAt",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Reason,
            Confidence,
            ExpiresAt,
            LastUsedAt,
            CreatedAt,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "reason" => Ok(GeneratedField::Reason),
                            "confidence" => Ok(GeneratedField::Confidence),
                            "expiresAt" | "expires_at" => Ok(GeneratedField::ExpiresAt),
                            "lastUsedAt" | "last_used_at" => Ok(GeneratedField::LastUsedAt),
                            "createdAt" | "created_at" => Ok(GeneratedField::CreatedAt),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ForgettableRecord;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ForgettableRecord")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ForgettableRecord, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut reason__ = None;
                let mut confidence__ = None;
                let mut expires_at__ = None;
                let mut last_used_at__ = None;
                let mut created_at__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value::<ForgetReason>()? as i32);
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ExpiresAt => {
                            if expires_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAt"));
                            }
                            expires_at__ = map_.next_value()?;
                        }
                        GeneratedField::LastUsedAt => {
                            if last_used_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastUsedAt"));
                            }
                            last_used_at__ = map_.next_value()?;
                        }
                        GeneratedField::CreatedAt => {
                            if created_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAt"));
                            }
                            created_at__ = map_.next_value()?;
                        }
                    }
                }
                Ok(ForgettableRecord {
                    record_id: record_id__.unwrap_or_default(),
                    reason: reason__.unwrap_or_default(),
                    confidence: confidence__.unwrap_or_default(),
                    expires_at: expires_at__,
                    last_used_at: last_used_at__,
                    created_at: created_at__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ForgettableRecord", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Fusion {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.method != 0 {
            len += 1;
        }
        if self.rrf_k.is_some() {
            len += 1;
        }
        if self.alpha.is_some() {
            len += 1;
        }
        if self.candidates.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.Fusion", len)?;
        if self.method != 0 {
            let v = FusionMethod::try_from(self.method)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.method)))?;
            struct_ser.serialize_field("method", &v)?;
        }
        if let Some(v) = self.rrf_k.as_ref() {
            struct_ser.serialize_field("rrfK", v)?;
        }
        if let Some(v) = self.alpha.as_ref() {
            struct_ser.serialize_field("alpha", v)?;
        }
        if let Some(v) = self.candidates.as_ref() {
            struct_ser.serialize_field("candidates", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Fusion {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "method",
            "rrf_k",
            "rrfK",
            "alpha",
            "candidates",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Method,
            RrfK,
            Alpha,
            Candidates,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "method" => Ok(GeneratedField::Method),
                            "rrfK" | "rrf_k" => Ok(GeneratedField::RrfK),
                            "alpha" => Ok(GeneratedField::Alpha),
                            "candidates" => Ok(GeneratedField::Candidates),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Fusion;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.Fusion")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Fusion, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut method__ = None;
                let mut rrf_k__ = None;
                let mut alpha__ = None;
                let mut candidates__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Method => {
                            if method__.is_some() {
                                return Err(serde::de::Error::duplicate_field("method"));
                            }
                            method__ = Some(map_.next_value::<FusionMethod>()? as i32);
                        }
                        GeneratedField::RrfK => {
                            if rrf_k__.is_some() {
                                return Err(serde::de::Error::duplicate_field("rrfK"));
                            }
                            rrf_k__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Alpha => {
                            if alpha__.is_some() {
                                return Err(serde::de::Error::duplicate_field("alpha"));
                            }
                            alpha__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Candidates => {
                            if candidates__.is_some() {
                                return Err(serde::de::Error::duplicate_field("candidates"));
                            }
                            candidates__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(Fusion {
                    method: method__.unwrap_or_default(),
                    rrf_k: rrf_k__,
                    alpha: alpha__,
                    candidates: candidates__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.Fusion", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for FusionMethod {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "FUSION_METHOD_UNSPECIFIED",
            Self::ReciprocalRank => "FUSION_METHOD_RECIPROCAL_RANK",
            Self::WeightedSum => "FUSION_METHOD_WEIGHTED_SUM",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for FusionMethod {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "FUSION_METHOD_UNSPECIFIED",
            "FUSION_METHOD_RECIPROCAL_RANK",
            "FUSION_METHOD_WEIGHTED_SUM",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = FusionMethod;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "FUSION_METHOD_UNSPECIFIED" => Ok(FusionMethod::Unspecified),
                    "FUSION_METHOD_RECIPROCAL_RANK" => Ok(FusionMethod::ReciprocalRank),
                    "FUSION_METHOD_WEIGHTED_SUM" => Ok(FusionMethod::WeightedSum),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for GetConfidenceRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetConfidenceRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetConfidenceRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetConfidenceRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetConfidenceRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetConfidenceRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetConfidenceRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetConfidenceRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetConfidenceResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.state.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetConfidenceResponse", len)?;
        if let Some(v) = self.state.as_ref() {
            struct_ser.serialize_field("state", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetConfidenceResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "state",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            State,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "state" => Ok(GeneratedField::State),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetConfidenceResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetConfidenceResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetConfidenceResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut state__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = map_.next_value()?;
                        }
                    }
                }
                Ok(GetConfidenceResponse {
                    state: state__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetConfidenceResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetErrorSummaryRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.limit.is_some() {
            len += 1;
        }
        if self.group_by != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetErrorSummaryRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if let Some(v) = self.limit.as_ref() {
            struct_ser.serialize_field("limit", v)?;
        }
        if self.group_by != 0 {
            let v = ErrorGrouping::try_from(self.group_by)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.group_by)))?;
            struct_ser.serialize_field("groupBy", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetErrorSummaryRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "limit",
            "group_by",
            "groupBy",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Limit,
            GroupBy,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "limit" => Ok(GeneratedField::Limit),
                            "groupBy" | "group_by" => Ok(GeneratedField::GroupBy),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetErrorSummaryRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetErrorSummaryRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetErrorSummaryRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut limit__ = None;
                let mut group_by__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::GroupBy => {
                            if group_by__.is_some() {
                                return Err(serde::de::Error::duplicate_field("groupBy"));
                            }
                            group_by__ = Some(map_.next_value::<ErrorGrouping>()? as i32);
                        }
                    }
                }
                Ok(GetErrorSummaryRequest {
                    namespace: namespace__.unwrap_or_default(),
                    limit: limit__,
                    group_by: group_by__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetErrorSummaryRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetErrorSummaryResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.summary.is_some() {
            len += 1;
        }
        if !self.groups.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetErrorSummaryResponse", len)?;
        if let Some(v) = self.summary.as_ref() {
            struct_ser.serialize_field("summary", v)?;
        }
        if !self.groups.is_empty() {
            struct_ser.serialize_field("groups", &self.groups)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetErrorSummaryResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "summary",
            "groups",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Summary,
            Groups,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "summary" => Ok(GeneratedField::Summary),
                            "groups" => Ok(GeneratedField::Groups),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetErrorSummaryResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetErrorSummaryResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetErrorSummaryResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut summary__ = None;
                let mut groups__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Summary => {
                            if summary__.is_some() {
                                return Err(serde::de::Error::duplicate_field("summary"));
                            }
                            summary__ = map_.next_value()?;
                        }
                        GeneratedField::Groups => {
                            if groups__.is_some() {
                                return Err(serde::de::Error::duplicate_field("groups"));
                            }
                            groups__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetErrorSummaryResponse {
                    summary: summary__,
                    groups: groups__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetErrorSummaryResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetLinkedRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.min_weight.is_some() {
            len += 1;
        }
        if self.limit.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetLinkedRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if let Some(v) = self.min_weight.as_ref() {
            struct_ser.serialize_field("minWeight", v)?;
        }
        if let Some(v) = self.limit.as_ref() {
            struct_ser.serialize_field("limit", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetLinkedRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "min_weight",
            "minWeight",
            "limit",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            MinWeight,
            Limit,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "minWeight" | "min_weight" => Ok(GeneratedField::MinWeight),
                            "limit" => Ok(GeneratedField::Limit),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetLinkedRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetLinkedRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetLinkedRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut min_weight__ = None;
                let mut limit__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::MinWeight => {
                            if min_weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("minWeight"));
                            }
                            min_weight__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(GetLinkedRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    min_weight: min_weight__,
                    limit: limit__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetLinkedRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetLinkedResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.edges.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetLinkedResponse", len)?;
        if !self.edges.is_empty() {
            struct_ser.serialize_field("edges", &self.edges)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetLinkedResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "edges",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Edges,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "edges" => Ok(GeneratedField::Edges),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetLinkedResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetLinkedResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetLinkedResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut edges__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Edges => {
                            if edges__.is_some() {
                                return Err(serde::de::Error::duplicate_field("edges"));
                            }
                            edges__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetLinkedResponse {
                    edges: edges__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetLinkedResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNamespaceConfigRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetNamespaceConfigRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNamespaceConfigRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNamespaceConfigRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetNamespaceConfigRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNamespaceConfigRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetNamespaceConfigRequest {
                    namespace: namespace__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetNamespaceConfigRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNamespaceConfigResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.config.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetNamespaceConfigResponse", len)?;
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNamespaceConfigResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "config",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Config,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "config" => Ok(GeneratedField::Config),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNamespaceConfigResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetNamespaceConfigResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNamespaceConfigResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut config__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                    }
                }
                Ok(GetNamespaceConfigResponse {
                    config: config__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetNamespaceConfigResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNamespaceStatsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetNamespaceStatsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNamespaceStatsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNamespaceStatsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetNamespaceStatsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNamespaceStatsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetNamespaceStatsRequest {
                    namespace: namespace__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetNamespaceStatsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNamespaceStatsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.stats.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetNamespaceStatsResponse", len)?;
        if let Some(v) = self.stats.as_ref() {
            struct_ser.serialize_field("stats", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNamespaceStatsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "stats",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Stats,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "stats" => Ok(GeneratedField::Stats),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNamespaceStatsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetNamespaceStatsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNamespaceStatsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut stats__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Stats => {
                            if stats__.is_some() {
                                return Err(serde::de::Error::duplicate_field("stats"));
                            }
                            stats__ = map_.next_value()?;
                        }
                    }
                }
                Ok(GetNamespaceStatsResponse {
                    stats: stats__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetNamespaceStatsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetPredictionRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetPredictionRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetPredictionRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetPredictionRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetPredictionRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetPredictionRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetPredictionRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetPredictionRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetPredictionResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.found {
            len += 1;
        }
        if self.prediction.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.GetPredictionResponse", len)?;
        if self.found {
            struct_ser.serialize_field("found", &self.found)?;
        }
        if let Some(v) = self.prediction.as_ref() {
            struct_ser.serialize_field("prediction", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetPredictionResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "found",
            "prediction",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Found,
            Prediction,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "found" => Ok(GeneratedField::Found),
                            "prediction" => Ok(GeneratedField::Prediction),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetPredictionResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.GetPredictionResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetPredictionResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut found__ = None;
                let mut prediction__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Found => {
                            if found__.is_some() {
                                return Err(serde::de::Error::duplicate_field("found"));
                            }
                            found__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Prediction => {
                            if prediction__.is_some() {
                                return Err(serde::de::Error::duplicate_field("prediction"));
                            }
                            prediction__ = map_.next_value()?;
                        }
                    }
                }
                Ok(GetPredictionResponse {
                    found: found__.unwrap_or_default(),
                    prediction: prediction__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.GetPredictionResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ImportEmbeddingsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.records.is_empty() {
            len += 1;
        }
        if self.dedupe_threshold.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ImportEmbeddingsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.records.is_empty() {
            struct_ser.serialize_field("records", &self.records)?;
        }
        if let Some(v) = self.dedupe_threshold.as_ref() {
            struct_ser.serialize_field("dedupeThreshold", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ImportEmbeddingsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "records",
            "dedupe_threshold",
            "dedupeThreshold",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Records,
            DedupeThreshold,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "records" => Ok(GeneratedField::Records),
                            "dedupeThreshold" | "dedupe_threshold" => Ok(GeneratedField::DedupeThreshold),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ImportEmbeddingsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ImportEmbeddingsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ImportEmbeddingsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut records__ = None;
                let mut dedupe_threshold__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Records => {
                            if records__.is_some() {
                                return Err(serde::de::Error::duplicate_field("records"));
                            }
                            records__ = Some(map_.next_value()?);
                        }
                        GeneratedField::DedupeThreshold => {
                            if dedupe_threshold__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dedupeThreshold"));
                            }
                            dedupe_threshold__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(ImportEmbeddingsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    records: records__.unwrap_or_default(),
                    dedupe_threshold: dedupe_threshold__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ImportEmbeddingsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ImportEmbeddingsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.records_written != 0 {
            len += 1;
        }
        if self.records_created != 0 {
            len += 1;
        }
        if !self.consistency_token.is_empty() {
            len += 1;
        }
        if self.records_deduplicated != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ImportEmbeddingsResponse", len)?;
        if self.records_written != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("recordsWritten", ToString::to_string(&self.records_written).as_str())?;
        }
        if self.records_created != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("recordsCreated", ToString::to_string(&self.records_created).as_str())?;
        }
        if !self.consistency_token.is_empty() {
            struct_ser.serialize_field("consistencyToken", &self.consistency_token)?;
        }
        if self.records_deduplicated != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("recordsDeduplicated", ToString::to_string(&self.records_deduplicated).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ImportEmbeddingsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "records_written",
            "recordsWritten",
            "records_created",
            "recordsCreated",
            "consistency_token",
            "consistencyToken",
            "records_deduplicated",
            "recordsDeduplicated",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordsWritten,
            RecordsCreated,
            ConsistencyToken,
            RecordsDeduplicated,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordsWritten" | "records_written" => Ok(GeneratedField::RecordsWritten),
                            "recordsCreated" | "records_created" => Ok(GeneratedField::RecordsCreated),
                            "consistencyToken" | "consistency_token" => Ok(GeneratedField::ConsistencyToken),
                            "recordsDeduplicated" | "records_deduplicated" => Ok(GeneratedField::RecordsDeduplicated),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ImportEmbeddingsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ImportEmbeddingsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ImportEmbeddingsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut records_written__ = None;
                let mut records_created__ = None;
                let mut consistency_token__ = None;
                let mut records_deduplicated__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordsWritten => {
                            if records_written__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordsWritten"));
                            }
                            records_written__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::RecordsCreated => {
                            if records_created__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordsCreated"));
                            }
                            records_created__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ConsistencyToken => {
                            if consistency_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("consistencyToken"));
                            }
                            consistency_token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordsDeduplicated => {
                            if records_deduplicated__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordsDeduplicated"));
                            }
                            records_deduplicated__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ImportEmbeddingsResponse {
                    records_written: records_written__.unwrap_or_default(),
                    records_created: records_created__.unwrap_or_default(),
                    consistency_token: consistency_token__.unwrap_or_default(),
                    records_deduplicated: records_deduplicated__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ImportEmbeddingsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ImportRecord {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if !self.text.is_empty() {
            len += 1;
        }
        if self.vector.is_some() {
            len += 1;
        }
        if !self.model.is_empty() {
            len += 1;
        }
        if !self.metadata.is_empty() {
            len += 1;
        }
        if self.ttl.is_some() {
            len += 1;
        }
        if self.expires_at.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ImportRecord", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if !self.text.is_empty() {
            struct_ser.serialize_field("text", &self.text)?;
        }
        if let Some(v) = self.vector.as_ref() {
            struct_ser.serialize_field("vector", v)?;
        }
        if !self.model.is_empty() {
            struct_ser.serialize_field("model", &self.model)?;
        }
        if !self.metadata.is_empty() {
            struct_ser.serialize_field("metadata", &self.metadata)?;
        }
        if let Some(v) = self.ttl.as_ref() {
            struct_ser.serialize_field("ttl", v)?;
        }
        if let Some(v) = self.expires_at.as_ref() {
            struct_ser.serialize_field("expiresAt", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ImportRecord {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "text",
            "vector",
            "model",
            "metadata",
            "ttl",
            "expires_at",
            "expiresAt",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Text,
            Vector,
            Model,
            Metadata,
            Ttl,
            ExpiresAt,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "text" => Ok(GeneratedField::Text),
                            "vector" => Ok(GeneratedField::Vector),
                            "model" => Ok(GeneratedField::Model),
                            "metadata" => Ok(GeneratedField::Metadata),
                            "ttl" => Ok(GeneratedField::Ttl),
                            "expiresAt" | "expires_at" => Ok(GeneratedField::ExpiresAt),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ImportRecord;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ImportRecord")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ImportRecord, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut text__ = None;
                let mut vector__ = None;
                let mut model__ = None;
                let mut metadata__ = None;
                let mut ttl__ = None;
                let mut expires_at__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Text => {
                            if text__.is_some() {
                                return Err(serde::de::Error::duplicate_field("text"));
                            }
                            text__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Vector => {
                            if vector__.is_some() {
                                return Err(serde::de::Error::duplicate_field("vector"));
                            }
                            vector__ = map_.next_value()?;
                        }
                        GeneratedField::Model => {
                            if model__.is_some() {
                                return Err(serde::de::Error::duplicate_field("model"));
                            }
                            model__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Metadata => {
                            if metadata__.is_some() {
                                return Err(serde::de::Error::duplicate_field("metadata"));
                            }
                            metadata__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Ttl => {
                            if ttl__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ttl"));
                            }
                            ttl__ = map_.next_value()?;
                        }
                        GeneratedField::ExpiresAt => {
                            if expires_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAt"));
                            }
                            expires_at__ = map_.next_value()?;
                        }
                    }
                }
                Ok(ImportRecord {
                    record_id: record_id__.unwrap_or_default(),
                    text: text__.unwrap_or_default(),
                    vector: vector__,
                    model: model__.unwrap_or_default(),
                    metadata: metadata__.unwrap_or_default(),
                    ttl: ttl__,
                    expires_at: expires_at__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ImportRecord", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for InputType {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "INPUT_TYPE_UNSPECIFIED",
            Self::Document => "INPUT_TYPE_DOCUMENT",
            Self::Query => "INPUT_TYPE_QUERY",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for InputType {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "INPUT_TYPE_UNSPECIFIED",
            "INPUT_TYPE_DOCUMENT",
            "INPUT_TYPE_QUERY",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = InputType;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "INPUT_TYPE_UNSPECIFIED" => Ok(InputType::Unspecified),
                    "INPUT_TYPE_DOCUMENT" => Ok(InputType::Document),
                    "INPUT_TYPE_QUERY" => Ok(InputType::Query),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for LinkRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.source_record_id.is_empty() {
            len += 1;
        }
        if !self.target_record_id.is_empty() {
            len += 1;
        }
        if self.initial_weight.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.LinkRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.source_record_id.is_empty() {
            struct_ser.serialize_field("sourceRecordId", &self.source_record_id)?;
        }
        if !self.target_record_id.is_empty() {
            struct_ser.serialize_field("targetRecordId", &self.target_record_id)?;
        }
        if let Some(v) = self.initial_weight.as_ref() {
            struct_ser.serialize_field("initialWeight", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for LinkRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "source_record_id",
            "sourceRecordId",
            "target_record_id",
            "targetRecordId",
            "initial_weight",
            "initialWeight",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            SourceRecordId,
            TargetRecordId,
            InitialWeight,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "sourceRecordId" | "source_record_id" => Ok(GeneratedField::SourceRecordId),
                            "targetRecordId" | "target_record_id" => Ok(GeneratedField::TargetRecordId),
                            "initialWeight" | "initial_weight" => Ok(GeneratedField::InitialWeight),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = LinkRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.LinkRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<LinkRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut source_record_id__ = None;
                let mut target_record_id__ = None;
                let mut initial_weight__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SourceRecordId => {
                            if source_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sourceRecordId"));
                            }
                            source_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TargetRecordId => {
                            if target_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("targetRecordId"));
                            }
                            target_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::InitialWeight => {
                            if initial_weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("initialWeight"));
                            }
                            initial_weight__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(LinkRequest {
                    namespace: namespace__.unwrap_or_default(),
                    source_record_id: source_record_id__.unwrap_or_default(),
                    target_record_id: target_record_id__.unwrap_or_default(),
                    initial_weight: initial_weight__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.LinkRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for LinkResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.weight != 0. {
            len += 1;
        }
        if self.created {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.LinkResponse", len)?;
        if self.weight != 0. {
            struct_ser.serialize_field("weight", &self.weight)?;
        }
        if self.created {
            struct_ser.serialize_field("created", &self.created)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for LinkResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "weight",
            "created",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Weight,
            Created,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "weight" => Ok(GeneratedField::Weight),
                            "created" => Ok(GeneratedField::Created),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = LinkResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.LinkResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<LinkResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut weight__ = None;
                let mut created__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Weight => {
                            if weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("weight"));
                            }
                            weight__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Created => {
                            if created__.is_some() {
                                return Err(serde::de::Error::duplicate_field("created"));
                            }
                            created__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(LinkResponse {
                    weight: weight__.unwrap_or_default(),
                    created: created__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.LinkResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for LinkResult {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.weight != 0. {
            len += 1;
        }
        if self.created {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.LinkResult", len)?;
        if self.weight != 0. {
            struct_ser.serialize_field("weight", &self.weight)?;
        }
        if self.created {
            struct_ser.serialize_field("created", &self.created)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for LinkResult {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "weight",
            "created",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Weight,
            Created,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "weight" => Ok(GeneratedField::Weight),
                            "created" => Ok(GeneratedField::Created),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = LinkResult;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.LinkResult")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<LinkResult, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut weight__ = None;
                let mut created__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Weight => {
                            if weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("weight"));
                            }
                            weight__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Created => {
                            if created__.is_some() {
                                return Err(serde::de::Error::duplicate_field("created"));
                            }
                            created__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(LinkResult {
                    weight: weight__.unwrap_or_default(),
                    created: created__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.LinkResult", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for LinkSpec {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.source_record_id.is_empty() {
            len += 1;
        }
        if !self.target_record_id.is_empty() {
            len += 1;
        }
        if self.initial_weight.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.LinkSpec", len)?;
        if !self.source_record_id.is_empty() {
            struct_ser.serialize_field("sourceRecordId", &self.source_record_id)?;
        }
        if !self.target_record_id.is_empty() {
            struct_ser.serialize_field("targetRecordId", &self.target_record_id)?;
        }
        if let Some(v) = self.initial_weight.as_ref() {
            struct_ser.serialize_field("initialWeight", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for LinkSpec {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "source_record_id",
            "sourceRecordId",
            "target_record_id",
            "targetRecordId",
            "initial_weight",
            "initialWeight",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            SourceRecordId,
            TargetRecordId,
            InitialWeight,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "sourceRecordId" | "source_record_id" => Ok(GeneratedField::SourceRecordId),
                            "targetRecordId" | "target_record_id" => Ok(GeneratedField::TargetRecordId),
                            "initialWeight" | "initial_weight" => Ok(GeneratedField::InitialWeight),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = LinkSpec;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.LinkSpec")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<LinkSpec, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut source_record_id__ = None;
                let mut target_record_id__ = None;
                let mut initial_weight__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::SourceRecordId => {
                            if source_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sourceRecordId"));
                            }
                            source_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TargetRecordId => {
                            if target_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("targetRecordId"));
                            }
                            target_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::InitialWeight => {
                            if initial_weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("initialWeight"));
                            }
                            initial_weight__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(LinkSpec {
                    source_record_id: source_record_id__.unwrap_or_default(),
                    target_record_id: target_record_id__.unwrap_or_default(),
                    initial_weight: initial_weight__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.LinkSpec", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListConfidenceRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.page_size != 0 {
            len += 1;
        }
        if !self.page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListConfidenceRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if self.page_size != 0 {
            struct_ser.serialize_field("pageSize", &self.page_size)?;
        }
        if !self.page_token.is_empty() {
            struct_ser.serialize_field("pageToken", &self.page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListConfidenceRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "page_size",
            "pageSize",
            "page_token",
            "pageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            PageSize,
            PageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "pageSize" | "page_size" => Ok(GeneratedField::PageSize),
                            "pageToken" | "page_token" => Ok(GeneratedField::PageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListConfidenceRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListConfidenceRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListConfidenceRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut page_size__ = None;
                let mut page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PageSize => {
                            if page_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageSize"));
                            }
                            page_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::PageToken => {
                            if page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageToken"));
                            }
                            page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListConfidenceRequest {
                    namespace: namespace__.unwrap_or_default(),
                    page_size: page_size__.unwrap_or_default(),
                    page_token: page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListConfidenceRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListConfidenceResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.states.is_empty() {
            len += 1;
        }
        if !self.next_page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListConfidenceResponse", len)?;
        if !self.states.is_empty() {
            struct_ser.serialize_field("states", &self.states)?;
        }
        if !self.next_page_token.is_empty() {
            struct_ser.serialize_field("nextPageToken", &self.next_page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListConfidenceResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "states",
            "next_page_token",
            "nextPageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            States,
            NextPageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "states" => Ok(GeneratedField::States),
                            "nextPageToken" | "next_page_token" => Ok(GeneratedField::NextPageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListConfidenceResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListConfidenceResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListConfidenceResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut states__ = None;
                let mut next_page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::States => {
                            if states__.is_some() {
                                return Err(serde::de::Error::duplicate_field("states"));
                            }
                            states__ = Some(map_.next_value()?);
                        }
                        GeneratedField::NextPageToken => {
                            if next_page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextPageToken"));
                            }
                            next_page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListConfidenceResponse {
                    states: states__.unwrap_or_default(),
                    next_page_token: next_page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListConfidenceResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListEdgesRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.page_size != 0 {
            len += 1;
        }
        if !self.page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListEdgesRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.page_size != 0 {
            struct_ser.serialize_field("pageSize", &self.page_size)?;
        }
        if !self.page_token.is_empty() {
            struct_ser.serialize_field("pageToken", &self.page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListEdgesRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "page_size",
            "pageSize",
            "page_token",
            "pageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            PageSize,
            PageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "pageSize" | "page_size" => Ok(GeneratedField::PageSize),
                            "pageToken" | "page_token" => Ok(GeneratedField::PageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListEdgesRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListEdgesRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListEdgesRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut page_size__ = None;
                let mut page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PageSize => {
                            if page_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageSize"));
                            }
                            page_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::PageToken => {
                            if page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageToken"));
                            }
                            page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListEdgesRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    page_size: page_size__.unwrap_or_default(),
                    page_token: page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListEdgesRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListEdgesResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.edges.is_empty() {
            len += 1;
        }
        if !self.next_page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListEdgesResponse", len)?;
        if !self.edges.is_empty() {
            struct_ser.serialize_field("edges", &self.edges)?;
        }
        if !self.next_page_token.is_empty() {
            struct_ser.serialize_field("nextPageToken", &self.next_page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListEdgesResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "edges",
            "next_page_token",
            "nextPageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Edges,
            NextPageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "edges" => Ok(GeneratedField::Edges),
                            "nextPageToken" | "next_page_token" => Ok(GeneratedField::NextPageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListEdgesResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListEdgesResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListEdgesResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut edges__ = None;
                let mut next_page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Edges => {
                            if edges__.is_some() {
                                return Err(serde::de::Error::duplicate_field("edges"));
                            }
                            edges__ = Some(map_.next_value()?);
                        }
                        GeneratedField::NextPageToken => {
                            if next_page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextPageToken"));
                            }
                            next_page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListEdgesResponse {
                    edges: edges__.unwrap_or_default(),
                    next_page_token: next_page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListEdgesResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListForgettableRecordsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.limit != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListForgettableRecordsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if self.limit != 0 {
            struct_ser.serialize_field("limit", &self.limit)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListForgettableRecordsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "limit",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Limit,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "limit" => Ok(GeneratedField::Limit),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListForgettableRecordsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListForgettableRecordsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListForgettableRecordsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut limit__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ListForgettableRecordsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    limit: limit__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListForgettableRecordsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListForgettableRecordsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.records.is_empty() {
            len += 1;
        }
        if self.truncated {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListForgettableRecordsResponse", len)?;
        if !self.records.is_empty() {
            struct_ser.serialize_field("records", &self.records)?;
        }
        if self.truncated {
            struct_ser.serialize_field("truncated", &self.truncated)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListForgettableRecordsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "records",
            "truncated",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Records,
            Truncated,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "records" => Ok(GeneratedField::Records),
                            "truncated" => Ok(GeneratedField::Truncated),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListForgettableRecordsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListForgettableRecordsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListForgettableRecordsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut records__ = None;
                let mut truncated__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Records => {
                            if records__.is_some() {
                                return Err(serde::de::Error::duplicate_field("records"));
                            }
                            records__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Truncated => {
                            if truncated__.is_some() {
                                return Err(serde::de::Error::duplicate_field("truncated"));
                            }
                            truncated__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListForgettableRecordsResponse {
                    records: records__.unwrap_or_default(),
                    truncated: truncated__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListForgettableRecordsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListHighestErrorsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.limit.is_some() {
            len += 1;
        }
        if self.include_predictions {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListHighestErrorsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if let Some(v) = self.limit.as_ref() {
            struct_ser.serialize_field("limit", v)?;
        }
        if self.include_predictions {
            struct_ser.serialize_field("includePredictions", &self.include_predictions)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListHighestErrorsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "limit",
            "include_predictions",
            "includePredictions",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Limit,
            IncludePredictions,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "limit" => Ok(GeneratedField::Limit),
                            "includePredictions" | "include_predictions" => Ok(GeneratedField::IncludePredictions),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListHighestErrorsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListHighestErrorsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListHighestErrorsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut limit__ = None;
                let mut include_predictions__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::IncludePredictions => {
                            if include_predictions__.is_some() {
                                return Err(serde::de::Error::duplicate_field("includePredictions"));
                            }
                            include_predictions__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListHighestErrorsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    limit: limit__,
                    include_predictions: include_predictions__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListHighestErrorsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListHighestErrorsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.errors.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListHighestErrorsResponse", len)?;
        if !self.errors.is_empty() {
            struct_ser.serialize_field("errors", &self.errors)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListHighestErrorsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "errors",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Errors,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "errors" => Ok(GeneratedField::Errors),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListHighestErrorsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListHighestErrorsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListHighestErrorsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut errors__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Errors => {
                            if errors__.is_some() {
                                return Err(serde::de::Error::duplicate_field("errors"));
                            }
                            errors__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListHighestErrorsResponse {
                    errors: errors__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListHighestErrorsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListNamespacesRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.page_size != 0 {
            len += 1;
        }
        if !self.page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListNamespacesRequest", len)?;
        if self.page_size != 0 {
            struct_ser.serialize_field("pageSize", &self.page_size)?;
        }
        if !self.page_token.is_empty() {
            struct_ser.serialize_field("pageToken", &self.page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListNamespacesRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "page_size",
            "pageSize",
            "page_token",
            "pageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            PageSize,
            PageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "pageSize" | "page_size" => Ok(GeneratedField::PageSize),
                            "pageToken" | "page_token" => Ok(GeneratedField::PageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListNamespacesRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListNamespacesRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListNamespacesRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut page_size__ = None;
                let mut page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::PageSize => {
                            if page_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageSize"));
                            }
                            page_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::PageToken => {
                            if page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageToken"));
                            }
                            page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListNamespacesRequest {
                    page_size: page_size__.unwrap_or_default(),
                    page_token: page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListNamespacesRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListNamespacesResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespaces.is_empty() {
            len += 1;
        }
        if !self.next_page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListNamespacesResponse", len)?;
        if !self.namespaces.is_empty() {
            struct_ser.serialize_field("namespaces", &self.namespaces)?;
        }
        if !self.next_page_token.is_empty() {
            struct_ser.serialize_field("nextPageToken", &self.next_page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListNamespacesResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespaces",
            "next_page_token",
            "nextPageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespaces,
            NextPageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespaces" => Ok(GeneratedField::Namespaces),
                            "nextPageToken" | "next_page_token" => Ok(GeneratedField::NextPageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListNamespacesResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListNamespacesResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListNamespacesResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespaces__ = None;
                let mut next_page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespaces => {
                            if namespaces__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespaces"));
                            }
                            namespaces__ = Some(map_.next_value()?);
                        }
                        GeneratedField::NextPageToken => {
                            if next_page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextPageToken"));
                            }
                            next_page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListNamespacesResponse {
                    namespaces: namespaces__.unwrap_or_default(),
                    next_page_token: next_page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListNamespacesResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListPredictionsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.state != 0 {
            len += 1;
        }
        if self.page_size != 0 {
            len += 1;
        }
        if !self.page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListPredictionsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if self.state != 0 {
            let v = PredictionState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        if self.page_size != 0 {
            struct_ser.serialize_field("pageSize", &self.page_size)?;
        }
        if !self.page_token.is_empty() {
            struct_ser.serialize_field("pageToken", &self.page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListPredictionsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "state",
            "page_size",
            "pageSize",
            "page_token",
            "pageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            State,
            PageSize,
            PageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "state" => Ok(GeneratedField::State),
                            "pageSize" | "page_size" => Ok(GeneratedField::PageSize),
                            "pageToken" | "page_token" => Ok(GeneratedField::PageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListPredictionsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListPredictionsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListPredictionsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut state__ = None;
                let mut page_size__ = None;
                let mut page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<PredictionState>()? as i32);
                        }
                        GeneratedField::PageSize => {
                            if page_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageSize"));
                            }
                            page_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::PageToken => {
                            if page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageToken"));
                            }
                            page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListPredictionsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    page_size: page_size__.unwrap_or_default(),
                    page_token: page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListPredictionsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListPredictionsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.predictions.is_empty() {
            len += 1;
        }
        if !self.next_page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListPredictionsResponse", len)?;
        if !self.predictions.is_empty() {
            struct_ser.serialize_field("predictions", &self.predictions)?;
        }
        if !self.next_page_token.is_empty() {
            struct_ser.serialize_field("nextPageToken", &self.next_page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListPredictionsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "predictions",
            "next_page_token",
            "nextPageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Predictions,
            NextPageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "predictions" => Ok(GeneratedField::Predictions),
                            "nextPageToken" | "next_page_token" => Ok(GeneratedField::NextPageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListPredictionsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListPredictionsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListPredictionsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut predictions__ = None;
                let mut next_page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Predictions => {
                            if predictions__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predictions"));
                            }
                            predictions__ = Some(map_.next_value()?);
                        }
                        GeneratedField::NextPageToken => {
                            if next_page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextPageToken"));
                            }
                            next_page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListPredictionsResponse {
                    predictions: predictions__.unwrap_or_default(),
                    next_page_token: next_page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListPredictionsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListRecordsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.page_size != 0 {
            len += 1;
        }
        if !self.page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListRecordsRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if self.page_size != 0 {
            struct_ser.serialize_field("pageSize", &self.page_size)?;
        }
        if !self.page_token.is_empty() {
            struct_ser.serialize_field("pageToken", &self.page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListRecordsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "page_size",
            "pageSize",
            "page_token",
            "pageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            PageSize,
            PageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "pageSize" | "page_size" => Ok(GeneratedField::PageSize),
                            "pageToken" | "page_token" => Ok(GeneratedField::PageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListRecordsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListRecordsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListRecordsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut page_size__ = None;
                let mut page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PageSize => {
                            if page_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageSize"));
                            }
                            page_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::PageToken => {
                            if page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pageToken"));
                            }
                            page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListRecordsRequest {
                    namespace: namespace__.unwrap_or_default(),
                    page_size: page_size__.unwrap_or_default(),
                    page_token: page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListRecordsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListRecordsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.records.is_empty() {
            len += 1;
        }
        if !self.next_page_token.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ListRecordsResponse", len)?;
        if !self.records.is_empty() {
            struct_ser.serialize_field("records", &self.records)?;
        }
        if !self.next_page_token.is_empty() {
            struct_ser.serialize_field("nextPageToken", &self.next_page_token)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListRecordsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "records",
            "next_page_token",
            "nextPageToken",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Records,
            NextPageToken,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "records" => Ok(GeneratedField::Records),
                            "nextPageToken" | "next_page_token" => Ok(GeneratedField::NextPageToken),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListRecordsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ListRecordsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListRecordsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut records__ = None;
                let mut next_page_token__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Records => {
                            if records__.is_some() {
                                return Err(serde::de::Error::duplicate_field("records"));
                            }
                            records__ = Some(map_.next_value()?);
                        }
                        GeneratedField::NextPageToken => {
                            if next_page_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nextPageToken"));
                            }
                            next_page_token__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListRecordsResponse {
                    records: records__.unwrap_or_default(),
                    next_page_token: next_page_token__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ListRecordsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NamespaceConfig {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.initial_confidence.is_some() {
            len += 1;
        }
        if self.evidence_cap.is_some() {
            len += 1;
        }
        if self.symmetric.is_some() {
            len += 1;
        }
        if self.max_edges.is_some() {
            len += 1;
        }
        if self.decay_factor.is_some() {
            len += 1;
        }
        if self.decay_per_hop.is_some() {
            len += 1;
        }
        if self.weight_cap.is_some() {
            len += 1;
        }
        if self.error_threshold.is_some() {
            len += 1;
        }
        if self.low_signal.is_some() {
            len += 1;
        }
        if self.outcome_errors.is_some() {
            len += 1;
        }
        if self.default_ranking.is_some() {
            len += 1;
        }
        if self.fusion.is_some() {
            len += 1;
        }
        if self.recency.is_some() {
            len += 1;
        }
        if self.default_ttl.is_some() {
            len += 1;
        }
        if self.dedupe_threshold.is_some() {
            len += 1;
        }
        if self.forget_below_confidence.is_some() {
            len += 1;
        }
        if self.forget_unused_after.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.NamespaceConfig", len)?;
        if let Some(v) = self.initial_confidence.as_ref() {
            struct_ser.serialize_field("initialConfidence", v)?;
        }
        if let Some(v) = self.evidence_cap.as_ref() {
            struct_ser.serialize_field("evidenceCap", v)?;
        }
        if let Some(v) = self.symmetric.as_ref() {
            struct_ser.serialize_field("symmetric", v)?;
        }
        if let Some(v) = self.max_edges.as_ref() {
            struct_ser.serialize_field("maxEdges", v)?;
        }
        if let Some(v) = self.decay_factor.as_ref() {
            struct_ser.serialize_field("decayFactor", v)?;
        }
        if let Some(v) = self.decay_per_hop.as_ref() {
            struct_ser.serialize_field("decayPerHop", v)?;
        }
        if let Some(v) = self.weight_cap.as_ref() {
            struct_ser.serialize_field("weightCap", v)?;
        }
        if let Some(v) = self.error_threshold.as_ref() {
            struct_ser.serialize_field("errorThreshold", v)?;
        }
        if let Some(v) = self.low_signal.as_ref() {
            struct_ser.serialize_field("lowSignal", v)?;
        }
        if let Some(v) = self.outcome_errors.as_ref() {
            struct_ser.serialize_field("outcomeErrors", v)?;
        }
        if let Some(v) = self.default_ranking.as_ref() {
            let v = Ranking::try_from(*v)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", *v)))?;
            struct_ser.serialize_field("defaultRanking", &v)?;
        }
        if let Some(v) = self.fusion.as_ref() {
            struct_ser.serialize_field("fusion", v)?;
        }
        if let Some(v) = self.recency.as_ref() {
            struct_ser.serialize_field("recency", v)?;
        }
        if let Some(v) = self.default_ttl.as_ref() {
            struct_ser.serialize_field("defaultTtl", v)?;
        }
        if let Some(v) = self.dedupe_threshold.as_ref() {
            struct_ser.serialize_field("dedupeThreshold", v)?;
        }
        if let Some(v) = self.forget_below_confidence.as_ref() {
            struct_ser.serialize_field("forgetBelowConfidence", v)?;
        }
        if let Some(v) = self.forget_unused_after.as_ref() {
            struct_ser.serialize_field("forgetUnusedAfter", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NamespaceConfig {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "initial_confidence",
            "initialConfidence",
            "evidence_cap",
            "evidenceCap",
            "symmetric",
            "max_edges",
            "maxEdges",
            "decay_factor",
            "decayFactor",
            "decay_per_hop",
            "decayPerHop",
            "weight_cap",
            "weightCap",
            "error_threshold",
            "errorThreshold",
            "low_signal",
            "lowSignal",
            "outcome_errors",
            "outcomeErrors",
            "default_ranking",
            "defaultRanking",
            "fusion",
            "recency",
            "default_ttl",
            "defaultTtl",
            "dedupe_threshold",
            "dedupeThreshold",
            "forget_below_confidence",
            "forgetBelowConfidence",
            "forget_unused_after",
            "forgetUnusedAfter",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            InitialConfidence,
            EvidenceCap,
            Symmetric,
            MaxEdges,
            DecayFactor,
            DecayPerHop,
            WeightCap,
            ErrorThreshold,
            LowSignal,
            OutcomeErrors,
            DefaultRanking,
            Fusion,
            Recency,
            DefaultTtl,
            DedupeThreshold,
            ForgetBelowConfidence,
            ForgetUnusedAfter,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "initialConfidence" | "initial_confidence" => Ok(GeneratedField::InitialConfidence),
                            "evidenceCap" | "evidence_cap" => Ok(GeneratedField::EvidenceCap),
                            "symmetric" => Ok(GeneratedField::Symmetric),
                            "maxEdges" | "max_edges" => Ok(GeneratedField::MaxEdges),
                            "decayFactor" | "decay_factor" => Ok(GeneratedField::DecayFactor),
                            "decayPerHop" | "decay_per_hop" => Ok(GeneratedField::DecayPerHop),
                            "weightCap" | "weight_cap" => Ok(GeneratedField::WeightCap),
                            "errorThreshold" | "error_threshold" => Ok(GeneratedField::ErrorThreshold),
                            "lowSignal" | "low_signal" => Ok(GeneratedField::LowSignal),
                            "outcomeErrors" | "outcome_errors" => Ok(GeneratedField::OutcomeErrors),
                            "defaultRanking" | "default_ranking" => Ok(GeneratedField::DefaultRanking),
                            "fusion" => Ok(GeneratedField::Fusion),
                            "recency" => Ok(GeneratedField::Recency),
                            "defaultTtl" | "default_ttl" => Ok(GeneratedField::DefaultTtl),
                            "dedupeThreshold" | "dedupe_threshold" => Ok(GeneratedField::DedupeThreshold),
                            "forgetBelowConfidence" | "forget_below_confidence" => Ok(GeneratedField::ForgetBelowConfidence),
                            "forgetUnusedAfter" | "forget_unused_after" => Ok(GeneratedField::ForgetUnusedAfter),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NamespaceConfig;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.NamespaceConfig")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NamespaceConfig, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut initial_confidence__ = None;
                let mut evidence_cap__ = None;
                let mut symmetric__ = None;
                let mut max_edges__ = None;
                let mut decay_factor__ = None;
                let mut decay_per_hop__ = None;
                let mut weight_cap__ = None;
                let mut error_threshold__ = None;
                let mut low_signal__ = None;
                let mut outcome_errors__ = None;
                let mut default_ranking__ = None;
                let mut fusion__ = None;
                let mut recency__ = None;
                let mut default_ttl__ = None;
                let mut dedupe_threshold__ = None;
                let mut forget_below_confidence__ = None;
                let mut forget_unused_after__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::InitialConfidence => {
                            if initial_confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("initialConfidence"));
                            }
                            initial_confidence__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::EvidenceCap => {
                            if evidence_cap__.is_some() {
                                return Err(serde::de::Error::duplicate_field("evidenceCap"));
                            }
                            evidence_cap__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Symmetric => {
                            if symmetric__.is_some() {
                                return Err(serde::de::Error::duplicate_field("symmetric"));
                            }
                            symmetric__ = map_.next_value()?;
                        }
                        GeneratedField::MaxEdges => {
                            if max_edges__.is_some() {
                                return Err(serde::de::Error::duplicate_field("maxEdges"));
                            }
                            max_edges__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::DecayFactor => {
                            if decay_factor__.is_some() {
                                return Err(serde::de::Error::duplicate_field("decayFactor"));
                            }
                            decay_factor__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::DecayPerHop => {
                            if decay_per_hop__.is_some() {
                                return Err(serde::de::Error::duplicate_field("decayPerHop"));
                            }
                            decay_per_hop__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::WeightCap => {
                            if weight_cap__.is_some() {
                                return Err(serde::de::Error::duplicate_field("weightCap"));
                            }
                            weight_cap__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::ErrorThreshold => {
                            if error_threshold__.is_some() {
                                return Err(serde::de::Error::duplicate_field("errorThreshold"));
                            }
                            error_threshold__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::LowSignal => {
                            if low_signal__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lowSignal"));
                            }
                            low_signal__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::OutcomeErrors => {
                            if outcome_errors__.is_some() {
                                return Err(serde::de::Error::duplicate_field("outcomeErrors"));
                            }
                            outcome_errors__ = map_.next_value()?;
                        }
                        GeneratedField::DefaultRanking => {
                            if default_ranking__.is_some() {
                                return Err(serde::de::Error::duplicate_field("defaultRanking"));
                            }
                            default_ranking__ = map_.next_value::<::std::option::Option<Ranking>>()?.map(|x| x as i32);
                        }
                        GeneratedField::Fusion => {
                            if fusion__.is_some() {
                                return Err(serde::de::Error::duplicate_field("fusion"));
                            }
                            fusion__ = map_.next_value()?;
                        }
                        GeneratedField::Recency => {
                            if recency__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recency"));
                            }
                            recency__ = map_.next_value()?;
                        }
                        GeneratedField::DefaultTtl => {
                            if default_ttl__.is_some() {
                                return Err(serde::de::Error::duplicate_field("defaultTtl"));
                            }
                            default_ttl__ = map_.next_value()?;
                        }
                        GeneratedField::DedupeThreshold => {
                            if dedupe_threshold__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dedupeThreshold"));
                            }
                            dedupe_threshold__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::ForgetBelowConfidence => {
                            if forget_below_confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("forgetBelowConfidence"));
                            }
                            forget_below_confidence__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::ForgetUnusedAfter => {
                            if forget_unused_after__.is_some() {
                                return Err(serde::de::Error::duplicate_field("forgetUnusedAfter"));
                            }
                            forget_unused_after__ = map_.next_value()?;
                        }
                    }
                }
                Ok(NamespaceConfig {
                    initial_confidence: initial_confidence__,
                    evidence_cap: evidence_cap__,
                    symmetric: symmetric__,
                    max_edges: max_edges__,
                    decay_factor: decay_factor__,
                    decay_per_hop: decay_per_hop__,
                    weight_cap: weight_cap__,
                    error_threshold: error_threshold__,
                    low_signal: low_signal__,
                    outcome_errors: outcome_errors__,
                    default_ranking: default_ranking__,
                    fusion: fusion__,
                    recency: recency__,
                    default_ttl: default_ttl__,
                    dedupe_threshold: dedupe_threshold__,
                    forget_below_confidence: forget_below_confidence__,
                    forget_unused_after: forget_unused_after__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.NamespaceConfig", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NamespaceStats {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.record_count != 0 {
            len += 1;
        }
        if self.confidence_count != 0 {
            len += 1;
        }
        if self.prediction_count != 0 {
            len += 1;
        }
        if self.resolved_prediction_count != 0 {
            len += 1;
        }
        if self.expiring_count != 0 {
            len += 1;
        }
        if self.edge_count.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.NamespaceStats", len)?;
        if self.record_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("recordCount", ToString::to_string(&self.record_count).as_str())?;
        }
        if self.confidence_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("confidenceCount", ToString::to_string(&self.confidence_count).as_str())?;
        }
        if self.prediction_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("predictionCount", ToString::to_string(&self.prediction_count).as_str())?;
        }
        if self.resolved_prediction_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("resolvedPredictionCount", ToString::to_string(&self.resolved_prediction_count).as_str())?;
        }
        if self.expiring_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("expiringCount", ToString::to_string(&self.expiring_count).as_str())?;
        }
        if let Some(v) = self.edge_count.as_ref() {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("edgeCount", ToString::to_string(&v).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NamespaceStats {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_count",
            "recordCount",
            "confidence_count",
            "confidenceCount",
            "prediction_count",
            "predictionCount",
            "resolved_prediction_count",
            "resolvedPredictionCount",
            "expiring_count",
            "expiringCount",
            "edge_count",
            "edgeCount",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordCount,
            ConfidenceCount,
            PredictionCount,
            ResolvedPredictionCount,
            ExpiringCount,
            EdgeCount,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordCount" | "record_count" => Ok(GeneratedField::RecordCount),
                            "confidenceCount" | "confidence_count" => Ok(GeneratedField::ConfidenceCount),
                            "predictionCount" | "prediction_count" => Ok(GeneratedField::PredictionCount),
                            "resolvedPredictionCount" | "resolved_prediction_count" => Ok(GeneratedField::ResolvedPredictionCount),
                            "expiringCount" | "expiring_count" => Ok(GeneratedField::ExpiringCount),
                            "edgeCount" | "edge_count" => Ok(GeneratedField::EdgeCount),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NamespaceStats;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.NamespaceStats")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NamespaceStats, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_count__ = None;
                let mut confidence_count__ = None;
                let mut prediction_count__ = None;
                let mut resolved_prediction_count__ = None;
                let mut expiring_count__ = None;
                let mut edge_count__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordCount => {
                            if record_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordCount"));
                            }
                            record_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ConfidenceCount => {
                            if confidence_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidenceCount"));
                            }
                            confidence_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::PredictionCount => {
                            if prediction_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predictionCount"));
                            }
                            prediction_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ResolvedPredictionCount => {
                            if resolved_prediction_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resolvedPredictionCount"));
                            }
                            resolved_prediction_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ExpiringCount => {
                            if expiring_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiringCount"));
                            }
                            expiring_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::EdgeCount => {
                            if edge_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("edgeCount"));
                            }
                            edge_count__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(NamespaceStats {
                    record_count: record_count__.unwrap_or_default(),
                    confidence_count: confidence_count__.unwrap_or_default(),
                    prediction_count: prediction_count__.unwrap_or_default(),
                    resolved_prediction_count: resolved_prediction_count__.unwrap_or_default(),
                    expiring_count: expiring_count__.unwrap_or_default(),
                    edge_count: edge_count__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.NamespaceStats", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Outcome {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "OUTCOME_UNSPECIFIED",
            Self::Acted => "OUTCOME_ACTED",
            Self::Used => "OUTCOME_USED",
            Self::Dismissed => "OUTCOME_DISMISSED",
            Self::Contradicted => "OUTCOME_CONTRADICTED",
            Self::Deferred => "OUTCOME_DEFERRED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for Outcome {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "OUTCOME_UNSPECIFIED",
            "OUTCOME_ACTED",
            "OUTCOME_USED",
            "OUTCOME_DISMISSED",
            "OUTCOME_CONTRADICTED",
            "OUTCOME_DEFERRED",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Outcome;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "OUTCOME_UNSPECIFIED" => Ok(Outcome::Unspecified),
                    "OUTCOME_ACTED" => Ok(Outcome::Acted),
                    "OUTCOME_USED" => Ok(Outcome::Used),
                    "OUTCOME_DISMISSED" => Ok(Outcome::Dismissed),
                    "OUTCOME_CONTRADICTED" => Ok(Outcome::Contradicted),
                    "OUTCOME_DEFERRED" => Ok(Outcome::Deferred),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for OutcomeErrors {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.acted.is_some() {
            len += 1;
        }
        if self.used.is_some() {
            len += 1;
        }
        if self.dismissed.is_some() {
            len += 1;
        }
        if self.contradicted.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.OutcomeErrors", len)?;
        if let Some(v) = self.acted.as_ref() {
            struct_ser.serialize_field("acted", v)?;
        }
        if let Some(v) = self.used.as_ref() {
            struct_ser.serialize_field("used", v)?;
        }
        if let Some(v) = self.dismissed.as_ref() {
            struct_ser.serialize_field("dismissed", v)?;
        }
        if let Some(v) = self.contradicted.as_ref() {
            struct_ser.serialize_field("contradicted", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for OutcomeErrors {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "acted",
            "used",
            "dismissed",
            "contradicted",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Acted,
            Used,
            Dismissed,
            Contradicted,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "acted" => Ok(GeneratedField::Acted),
                            "used" => Ok(GeneratedField::Used),
                            "dismissed" => Ok(GeneratedField::Dismissed),
                            "contradicted" => Ok(GeneratedField::Contradicted),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = OutcomeErrors;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.OutcomeErrors")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<OutcomeErrors, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut acted__ = None;
                let mut used__ = None;
                let mut dismissed__ = None;
                let mut contradicted__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Acted => {
                            if acted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("acted"));
                            }
                            acted__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Used => {
                            if used__.is_some() {
                                return Err(serde::de::Error::duplicate_field("used"));
                            }
                            used__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Dismissed => {
                            if dismissed__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dismissed"));
                            }
                            dismissed__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Contradicted => {
                            if contradicted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("contradicted"));
                            }
                            contradicted__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(OutcomeErrors {
                    acted: acted__,
                    used: used__,
                    dismissed: dismissed__,
                    contradicted: contradicted__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.OutcomeErrors", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for OutcomeResult {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.confidence.is_some() {
            len += 1;
        }
        if self.resolution_status != 0 {
            len += 1;
        }
        if self.prediction_error.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.OutcomeResult", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if let Some(v) = self.confidence.as_ref() {
            struct_ser.serialize_field("confidence", v)?;
        }
        if self.resolution_status != 0 {
            let v = ResolutionStatus::try_from(self.resolution_status)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.resolution_status)))?;
            struct_ser.serialize_field("resolutionStatus", &v)?;
        }
        if let Some(v) = self.prediction_error.as_ref() {
            struct_ser.serialize_field("predictionError", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for OutcomeResult {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "confidence",
            "resolution_status",
            "resolutionStatus",
            "prediction_error",
            "predictionError",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Confidence,
            ResolutionStatus,
            PredictionError,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "confidence" => Ok(GeneratedField::Confidence),
                            "resolutionStatus" | "resolution_status" => Ok(GeneratedField::ResolutionStatus),
                            "predictionError" | "prediction_error" => Ok(GeneratedField::PredictionError),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = OutcomeResult;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.OutcomeResult")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<OutcomeResult, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut confidence__ = None;
                let mut resolution_status__ = None;
                let mut prediction_error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = map_.next_value()?;
                        }
                        GeneratedField::ResolutionStatus => {
                            if resolution_status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resolutionStatus"));
                            }
                            resolution_status__ = Some(map_.next_value::<ResolutionStatus>()? as i32);
                        }
                        GeneratedField::PredictionError => {
                            if prediction_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predictionError"));
                            }
                            prediction_error__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(OutcomeResult {
                    record_id: record_id__.unwrap_or_default(),
                    confidence: confidence__,
                    resolution_status: resolution_status__.unwrap_or_default(),
                    prediction_error: prediction_error__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.OutcomeResult", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Prediction {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if !self.predicted.is_empty() {
            len += 1;
        }
        if self.create_time.is_some() {
            len += 1;
        }
        if self.resolved {
            len += 1;
        }
        if self.resolve_time.is_some() {
            len += 1;
        }
        if self.prediction_error.is_some() {
            len += 1;
        }
        if !self.actual.is_empty() {
            len += 1;
        }
        if self.outcome != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.Prediction", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if !self.predicted.is_empty() {
            struct_ser.serialize_field("predicted", &self.predicted)?;
        }
        if let Some(v) = self.create_time.as_ref() {
            struct_ser.serialize_field("createTime", v)?;
        }
        if self.resolved {
            struct_ser.serialize_field("resolved", &self.resolved)?;
        }
        if let Some(v) = self.resolve_time.as_ref() {
            struct_ser.serialize_field("resolveTime", v)?;
        }
        if let Some(v) = self.prediction_error.as_ref() {
            struct_ser.serialize_field("predictionError", v)?;
        }
        if !self.actual.is_empty() {
            struct_ser.serialize_field("actual", &self.actual)?;
        }
        if self.outcome != 0 {
            let v = Outcome::try_from(self.outcome)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.outcome)))?;
            struct_ser.serialize_field("outcome", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Prediction {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "predicted",
            "create_time",
            "createTime",
            "resolved",
            "resolve_time",
            "resolveTime",
            "prediction_error",
            "predictionError",
            "actual",
            "outcome",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Predicted,
            CreateTime,
            Resolved,
            ResolveTime,
            PredictionError,
            Actual,
            Outcome,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "predicted" => Ok(GeneratedField::Predicted),
                            "createTime" | "create_time" => Ok(GeneratedField::CreateTime),
                            "resolved" => Ok(GeneratedField::Resolved),
                            "resolveTime" | "resolve_time" => Ok(GeneratedField::ResolveTime),
                            "predictionError" | "prediction_error" => Ok(GeneratedField::PredictionError),
                            "actual" => Ok(GeneratedField::Actual),
                            "outcome" => Ok(GeneratedField::Outcome),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Prediction;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.Prediction")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Prediction, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut predicted__ = None;
                let mut create_time__ = None;
                let mut resolved__ = None;
                let mut resolve_time__ = None;
                let mut prediction_error__ = None;
                let mut actual__ = None;
                let mut outcome__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Predicted => {
                            if predicted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predicted"));
                            }
                            predicted__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::CreateTime => {
                            if create_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createTime"));
                            }
                            create_time__ = map_.next_value()?;
                        }
                        GeneratedField::Resolved => {
                            if resolved__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resolved"));
                            }
                            resolved__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ResolveTime => {
                            if resolve_time__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resolveTime"));
                            }
                            resolve_time__ = map_.next_value()?;
                        }
                        GeneratedField::PredictionError => {
                            if prediction_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predictionError"));
                            }
                            prediction_error__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Actual => {
                            if actual__.is_some() {
                                return Err(serde::de::Error::duplicate_field("actual"));
                            }
                            actual__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Outcome => {
                            if outcome__.is_some() {
                                return Err(serde::de::Error::duplicate_field("outcome"));
                            }
                            outcome__ = Some(map_.next_value::<Outcome>()? as i32);
                        }
                    }
                }
                Ok(Prediction {
                    record_id: record_id__.unwrap_or_default(),
                    predicted: predicted__.unwrap_or_default(),
                    create_time: create_time__,
                    resolved: resolved__.unwrap_or_default(),
                    resolve_time: resolve_time__,
                    prediction_error: prediction_error__,
                    actual: actual__.unwrap_or_default(),
                    outcome: outcome__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.Prediction", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PredictionError {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.prediction_error != 0. {
            len += 1;
        }
        if self.prediction.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.PredictionError", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.prediction_error != 0. {
            struct_ser.serialize_field("predictionError", &self.prediction_error)?;
        }
        if let Some(v) = self.prediction.as_ref() {
            struct_ser.serialize_field("prediction", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PredictionError {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "prediction_error",
            "predictionError",
            "prediction",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            PredictionError,
            Prediction,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "predictionError" | "prediction_error" => Ok(GeneratedField::PredictionError),
                            "prediction" => Ok(GeneratedField::Prediction),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PredictionError;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.PredictionError")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PredictionError, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut prediction_error__ = None;
                let mut prediction__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PredictionError => {
                            if prediction_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predictionError"));
                            }
                            prediction_error__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Prediction => {
                            if prediction__.is_some() {
                                return Err(serde::de::Error::duplicate_field("prediction"));
                            }
                            prediction__ = map_.next_value()?;
                        }
                    }
                }
                Ok(PredictionError {
                    record_id: record_id__.unwrap_or_default(),
                    prediction_error: prediction_error__.unwrap_or_default(),
                    prediction: prediction__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.PredictionError", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PredictionState {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "PREDICTION_STATE_UNSPECIFIED",
            Self::Open => "PREDICTION_STATE_OPEN",
            Self::Resolved => "PREDICTION_STATE_RESOLVED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for PredictionState {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "PREDICTION_STATE_UNSPECIFIED",
            "PREDICTION_STATE_OPEN",
            "PREDICTION_STATE_RESOLVED",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PredictionState;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "PREDICTION_STATE_UNSPECIFIED" => Ok(PredictionState::Unspecified),
                    "PREDICTION_STATE_OPEN" => Ok(PredictionState::Open),
                    "PREDICTION_STATE_RESOLVED" => Ok(PredictionState::Resolved),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for PropagateRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.seed_record_ids.is_empty() {
            len += 1;
        }
        if self.depth.is_some() {
            len += 1;
        }
        if self.decay_per_hop.is_some() {
            len += 1;
        }
        if self.threshold.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.PropagateRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.seed_record_ids.is_empty() {
            struct_ser.serialize_field("seedRecordIds", &self.seed_record_ids)?;
        }
        if let Some(v) = self.depth.as_ref() {
            struct_ser.serialize_field("depth", v)?;
        }
        if let Some(v) = self.decay_per_hop.as_ref() {
            struct_ser.serialize_field("decayPerHop", v)?;
        }
        if let Some(v) = self.threshold.as_ref() {
            struct_ser.serialize_field("threshold", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PropagateRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "seed_record_ids",
            "seedRecordIds",
            "depth",
            "decay_per_hop",
            "decayPerHop",
            "threshold",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            SeedRecordIds,
            Depth,
            DecayPerHop,
            Threshold,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "seedRecordIds" | "seed_record_ids" => Ok(GeneratedField::SeedRecordIds),
                            "depth" => Ok(GeneratedField::Depth),
                            "decayPerHop" | "decay_per_hop" => Ok(GeneratedField::DecayPerHop),
                            "threshold" => Ok(GeneratedField::Threshold),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PropagateRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.PropagateRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PropagateRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut seed_record_ids__ = None;
                let mut depth__ = None;
                let mut decay_per_hop__ = None;
                let mut threshold__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SeedRecordIds => {
                            if seed_record_ids__.is_some() {
                                return Err(serde::de::Error::duplicate_field("seedRecordIds"));
                            }
                            seed_record_ids__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Depth => {
                            if depth__.is_some() {
                                return Err(serde::de::Error::duplicate_field("depth"));
                            }
                            depth__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::DecayPerHop => {
                            if decay_per_hop__.is_some() {
                                return Err(serde::de::Error::duplicate_field("decayPerHop"));
                            }
                            decay_per_hop__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Threshold => {
                            if threshold__.is_some() {
                                return Err(serde::de::Error::duplicate_field("threshold"));
                            }
                            threshold__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(PropagateRequest {
                    namespace: namespace__.unwrap_or_default(),
                    seed_record_ids: seed_record_ids__.unwrap_or_default(),
                    depth: depth__,
                    decay_per_hop: decay_per_hop__,
                    threshold: threshold__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.PropagateRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PropagateResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.records.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.PropagateResponse", len)?;
        if !self.records.is_empty() {
            struct_ser.serialize_field("records", &self.records)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PropagateResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "records",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Records,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "records" => Ok(GeneratedField::Records),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PropagateResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.PropagateResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PropagateResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut records__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Records => {
                            if records__.is_some() {
                                return Err(serde::de::Error::duplicate_field("records"));
                            }
                            records__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(PropagateResponse {
                    records: records__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.PropagateResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for PropagatedRecord {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.weight != 0. {
            len += 1;
        }
        if self.hops != 0 {
            len += 1;
        }
        if !self.path.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.PropagatedRecord", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.weight != 0. {
            struct_ser.serialize_field("weight", &self.weight)?;
        }
        if self.hops != 0 {
            struct_ser.serialize_field("hops", &self.hops)?;
        }
        if !self.path.is_empty() {
            struct_ser.serialize_field("path", &self.path)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for PropagatedRecord {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "weight",
            "hops",
            "path",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Weight,
            Hops,
            Path,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "weight" => Ok(GeneratedField::Weight),
                            "hops" => Ok(GeneratedField::Hops),
                            "path" => Ok(GeneratedField::Path),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = PropagatedRecord;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.PropagatedRecord")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<PropagatedRecord, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut weight__ = None;
                let mut hops__ = None;
                let mut path__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Weight => {
                            if weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("weight"));
                            }
                            weight__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Hops => {
                            if hops__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hops"));
                            }
                            hops__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Path => {
                            if path__.is_some() {
                                return Err(serde::de::Error::duplicate_field("path"));
                            }
                            path__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(PropagatedRecord {
                    record_id: record_id__.unwrap_or_default(),
                    weight: weight__.unwrap_or_default(),
                    hops: hops__.unwrap_or_default(),
                    path: path__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.PropagatedRecord", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Ranking {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "RANKING_UNSPECIFIED",
            Self::Similarity => "RANKING_SIMILARITY",
            Self::SimilarityTimesConfidence => "RANKING_SIMILARITY_TIMES_CONFIDENCE",
            Self::Keyword => "RANKING_KEYWORD",
            Self::Hybrid => "RANKING_HYBRID",
            Self::HybridTimesConfidence => "RANKING_HYBRID_TIMES_CONFIDENCE",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for Ranking {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "RANKING_UNSPECIFIED",
            "RANKING_SIMILARITY",
            "RANKING_SIMILARITY_TIMES_CONFIDENCE",
            "RANKING_KEYWORD",
            "RANKING_HYBRID",
            "RANKING_HYBRID_TIMES_CONFIDENCE",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Ranking;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "RANKING_UNSPECIFIED" => Ok(Ranking::Unspecified),
                    "RANKING_SIMILARITY" => Ok(Ranking::Similarity),
                    "RANKING_SIMILARITY_TIMES_CONFIDENCE" => Ok(Ranking::SimilarityTimesConfidence),
                    "RANKING_KEYWORD" => Ok(Ranking::Keyword),
                    "RANKING_HYBRID" => Ok(Ranking::Hybrid),
                    "RANKING_HYBRID_TIMES_CONFIDENCE" => Ok(Ranking::HybridTimesConfidence),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for Recency {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.field != 0 {
            len += 1;
        }
        if self.half_life.is_some() {
            len += 1;
        }
        if self.floor.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.Recency", len)?;
        if self.field != 0 {
            let v = TimeField::try_from(self.field)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.field)))?;
            struct_ser.serialize_field("field", &v)?;
        }
        if let Some(v) = self.half_life.as_ref() {
            struct_ser.serialize_field("halfLife", v)?;
        }
        if let Some(v) = self.floor.as_ref() {
            struct_ser.serialize_field("floor", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Recency {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "field",
            "half_life",
            "halfLife",
            "floor",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Field,
            HalfLife,
            Floor,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "field" => Ok(GeneratedField::Field),
                            "halfLife" | "half_life" => Ok(GeneratedField::HalfLife),
                            "floor" => Ok(GeneratedField::Floor),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Recency;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.Recency")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Recency, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut field__ = None;
                let mut half_life__ = None;
                let mut floor__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Field => {
                            if field__.is_some() {
                                return Err(serde::de::Error::duplicate_field("field"));
                            }
                            field__ = Some(map_.next_value::<TimeField>()? as i32);
                        }
                        GeneratedField::HalfLife => {
                            if half_life__.is_some() {
                                return Err(serde::de::Error::duplicate_field("halfLife"));
                            }
                            half_life__ = map_.next_value()?;
                        }
                        GeneratedField::Floor => {
                            if floor__.is_some() {
                                return Err(serde::de::Error::duplicate_field("floor"));
                            }
                            floor__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(Recency {
                    field: field__.unwrap_or_default(),
                    half_life: half_life__,
                    floor: floor__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.Recency", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Record {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.confidence.is_some() {
            len += 1;
        }
        if self.has_embedding {
            len += 1;
        }
        if !self.text.is_empty() {
            len += 1;
        }
        if self.prediction.is_some() {
            len += 1;
        }
        if self.edge_count != 0 {
            len += 1;
        }
        if self.created_at.is_some() {
            len += 1;
        }
        if self.updated_at.is_some() {
            len += 1;
        }
        if self.last_used_at.is_some() {
            len += 1;
        }
        if self.expires_at.is_some() {
            len += 1;
        }
        if !self.metadata.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.Record", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if let Some(v) = self.confidence.as_ref() {
            struct_ser.serialize_field("confidence", v)?;
        }
        if self.has_embedding {
            struct_ser.serialize_field("hasEmbedding", &self.has_embedding)?;
        }
        if !self.text.is_empty() {
            struct_ser.serialize_field("text", &self.text)?;
        }
        if let Some(v) = self.prediction.as_ref() {
            struct_ser.serialize_field("prediction", v)?;
        }
        if self.edge_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("edgeCount", ToString::to_string(&self.edge_count).as_str())?;
        }
        if let Some(v) = self.created_at.as_ref() {
            struct_ser.serialize_field("createdAt", v)?;
        }
        if let Some(v) = self.updated_at.as_ref() {
            struct_ser.serialize_field("updatedAt", v)?;
        }
        if let Some(v) = self.last_used_at.as_ref() {
            struct_ser.serialize_field("lastUsedAt", v)?;
        }
        if let Some(v) = self.expires_at.as_ref() {
            struct_ser.serialize_field("expiresAt", v)?;
        }
        if !self.metadata.is_empty() {
            struct_ser.serialize_field("metadata", &self.metadata)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Record {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "confidence",
            "has_embedding",
            "hasEmbedding",
            "text",
            "prediction",
            "edge_count",
            "edgeCount",
            "created_at",
            "createdAt",
            "updated_at",
            "updatedAt",
            "last_used_at",
            "lastUsedAt",
            "expires_at",
            "expiresAt",
            "metadata",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Confidence,
            HasEmbedding,
            Text,
            Prediction,
            EdgeCount,
            CreatedAt,
            UpdatedAt,
            LastUsedAt,
            ExpiresAt,
            Metadata,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "confidence" => Ok(GeneratedField::Confidence),
                            "hasEmbedding" | "has_embedding" => Ok(GeneratedField::HasEmbedding),
                            "text" => Ok(GeneratedField::Text),
                            "prediction" => Ok(GeneratedField::Prediction),
                            "edgeCount" | "edge_count" => Ok(GeneratedField::EdgeCount),
                            "createdAt" | "created_at" => Ok(GeneratedField::CreatedAt),
                            "updatedAt" | "updated_at" => Ok(GeneratedField::UpdatedAt),
                            "lastUsedAt" | "last_used_at" => Ok(GeneratedField::LastUsedAt),
                            "expiresAt" | "expires_at" => Ok(GeneratedField::ExpiresAt),
                            "metadata" => Ok(GeneratedField::Metadata),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Record;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.Record")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Record, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut confidence__ = None;
                let mut has_embedding__ = None;
                let mut text__ = None;
                let mut prediction__ = None;
                let mut edge_count__ = None;
                let mut created_at__ = None;
                let mut updated_at__ = None;
                let mut last_used_at__ = None;
                let mut expires_at__ = None;
                let mut metadata__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = map_.next_value()?;
                        }
                        GeneratedField::HasEmbedding => {
                            if has_embedding__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hasEmbedding"));
                            }
                            has_embedding__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Text => {
                            if text__.is_some() {
                                return Err(serde::de::Error::duplicate_field("text"));
                            }
                            text__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Prediction => {
                            if prediction__.is_some() {
                                return Err(serde::de::Error::duplicate_field("prediction"));
                            }
                            prediction__ = map_.next_value()?;
                        }
                        GeneratedField::EdgeCount => {
                            if edge_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("edgeCount"));
                            }
                            edge_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::CreatedAt => {
                            if created_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAt"));
                            }
                            created_at__ = map_.next_value()?;
                        }
                        GeneratedField::UpdatedAt => {
                            if updated_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updatedAt"));
                            }
                            updated_at__ = map_.next_value()?;
                        }
                        GeneratedField::LastUsedAt => {
                            if last_used_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastUsedAt"));
                            }
                            last_used_at__ = map_.next_value()?;
                        }
                        GeneratedField::ExpiresAt => {
                            if expires_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAt"));
                            }
                            expires_at__ = map_.next_value()?;
                        }
                        GeneratedField::Metadata => {
                            if metadata__.is_some() {
                                return Err(serde::de::Error::duplicate_field("metadata"));
                            }
                            metadata__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                    }
                }
                Ok(Record {
                    record_id: record_id__.unwrap_or_default(),
                    confidence: confidence__,
                    has_embedding: has_embedding__.unwrap_or_default(),
                    text: text__.unwrap_or_default(),
                    prediction: prediction__,
                    edge_count: edge_count__.unwrap_or_default(),
                    created_at: created_at__,
                    updated_at: updated_at__,
                    last_used_at: last_used_at__,
                    expires_at: expires_at__,
                    metadata: metadata__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.Record", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RecordPredictionRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if !self.predicted.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.RecordPredictionRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if !self.predicted.is_empty() {
            struct_ser.serialize_field("predicted", &self.predicted)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RecordPredictionRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "predicted",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            Predicted,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "predicted" => Ok(GeneratedField::Predicted),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RecordPredictionRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.RecordPredictionRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RecordPredictionRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut predicted__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Predicted => {
                            if predicted__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predicted"));
                            }
                            predicted__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                    }
                }
                Ok(RecordPredictionRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    predicted: predicted__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.RecordPredictionRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RecordPredictionResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.prediction.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.RecordPredictionResponse", len)?;
        if let Some(v) = self.prediction.as_ref() {
            struct_ser.serialize_field("prediction", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RecordPredictionResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "prediction",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Prediction,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "prediction" => Ok(GeneratedField::Prediction),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RecordPredictionResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.RecordPredictionResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RecordPredictionResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut prediction__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Prediction => {
                            if prediction__.is_some() {
                                return Err(serde::de::Error::duplicate_field("prediction"));
                            }
                            prediction__ = map_.next_value()?;
                        }
                    }
                }
                Ok(RecordPredictionResponse {
                    prediction: prediction__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.RecordPredictionResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ReportOutcomeRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_ids.is_empty() {
            len += 1;
        }
        if self.outcome != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ReportOutcomeRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_ids.is_empty() {
            struct_ser.serialize_field("recordIds", &self.record_ids)?;
        }
        if self.outcome != 0 {
            let v = Outcome::try_from(self.outcome)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.outcome)))?;
            struct_ser.serialize_field("outcome", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ReportOutcomeRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_ids",
            "recordIds",
            "outcome",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordIds,
            Outcome,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordIds" | "record_ids" => Ok(GeneratedField::RecordIds),
                            "outcome" => Ok(GeneratedField::Outcome),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ReportOutcomeRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ReportOutcomeRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ReportOutcomeRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_ids__ = None;
                let mut outcome__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordIds => {
                            if record_ids__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordIds"));
                            }
                            record_ids__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Outcome => {
                            if outcome__.is_some() {
                                return Err(serde::de::Error::duplicate_field("outcome"));
                            }
                            outcome__ = Some(map_.next_value::<Outcome>()? as i32);
                        }
                    }
                }
                Ok(ReportOutcomeRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_ids: record_ids__.unwrap_or_default(),
                    outcome: outcome__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ReportOutcomeRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ReportOutcomeResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.results.is_empty() {
            len += 1;
        }
        if self.strengthened_edge_count != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ReportOutcomeResponse", len)?;
        if !self.results.is_empty() {
            struct_ser.serialize_field("results", &self.results)?;
        }
        if self.strengthened_edge_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("strengthenedEdgeCount", ToString::to_string(&self.strengthened_edge_count).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ReportOutcomeResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "results",
            "strengthened_edge_count",
            "strengthenedEdgeCount",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Results,
            StrengthenedEdgeCount,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "results" => Ok(GeneratedField::Results),
                            "strengthenedEdgeCount" | "strengthened_edge_count" => Ok(GeneratedField::StrengthenedEdgeCount),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ReportOutcomeResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ReportOutcomeResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ReportOutcomeResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut results__ = None;
                let mut strengthened_edge_count__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Results => {
                            if results__.is_some() {
                                return Err(serde::de::Error::duplicate_field("results"));
                            }
                            results__ = Some(map_.next_value()?);
                        }
                        GeneratedField::StrengthenedEdgeCount => {
                            if strengthened_edge_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("strengthenedEdgeCount"));
                            }
                            strengthened_edge_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ReportOutcomeResponse {
                    results: results__.unwrap_or_default(),
                    strengthened_edge_count: strengthened_edge_count__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ReportOutcomeResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ResolutionStatus {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "RESOLUTION_STATUS_UNSPECIFIED",
            Self::Resolved => "RESOLUTION_STATUS_RESOLVED",
            Self::NoPrediction => "RESOLUTION_STATUS_NO_PREDICTION",
            Self::AlreadyResolved => "RESOLUTION_STATUS_ALREADY_RESOLVED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for ResolutionStatus {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "RESOLUTION_STATUS_UNSPECIFIED",
            "RESOLUTION_STATUS_RESOLVED",
            "RESOLUTION_STATUS_NO_PREDICTION",
            "RESOLUTION_STATUS_ALREADY_RESOLVED",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ResolutionStatus;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "RESOLUTION_STATUS_UNSPECIFIED" => Ok(ResolutionStatus::Unspecified),
                    "RESOLUTION_STATUS_RESOLVED" => Ok(ResolutionStatus::Resolved),
                    "RESOLUTION_STATUS_NO_PREDICTION" => Ok(ResolutionStatus::NoPrediction),
                    "RESOLUTION_STATUS_ALREADY_RESOLVED" => Ok(ResolutionStatus::AlreadyResolved),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for ResolvePredictionRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if !self.actual.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ResolvePredictionRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if !self.actual.is_empty() {
            struct_ser.serialize_field("actual", &self.actual)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ResolvePredictionRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "actual",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            Actual,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "actual" => Ok(GeneratedField::Actual),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ResolvePredictionRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ResolvePredictionRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ResolvePredictionRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut actual__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Actual => {
                            if actual__.is_some() {
                                return Err(serde::de::Error::duplicate_field("actual"));
                            }
                            actual__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                    }
                }
                Ok(ResolvePredictionRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    actual: actual__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ResolvePredictionRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ResolvePredictionResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.status != 0 {
            len += 1;
        }
        if self.prediction_error.is_some() {
            len += 1;
        }
        if self.confidence.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.ResolvePredictionResponse", len)?;
        if self.status != 0 {
            let v = ResolutionStatus::try_from(self.status)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.status)))?;
            struct_ser.serialize_field("status", &v)?;
        }
        if let Some(v) = self.prediction_error.as_ref() {
            struct_ser.serialize_field("predictionError", v)?;
        }
        if let Some(v) = self.confidence.as_ref() {
            struct_ser.serialize_field("confidence", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ResolvePredictionResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "status",
            "prediction_error",
            "predictionError",
            "confidence",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Status,
            PredictionError,
            Confidence,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "status" => Ok(GeneratedField::Status),
                            "predictionError" | "prediction_error" => Ok(GeneratedField::PredictionError),
                            "confidence" => Ok(GeneratedField::Confidence),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ResolvePredictionResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.ResolvePredictionResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ResolvePredictionResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut status__ = None;
                let mut prediction_error__ = None;
                let mut confidence__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Status => {
                            if status__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            status__ = Some(map_.next_value::<ResolutionStatus>()? as i32);
                        }
                        GeneratedField::PredictionError => {
                            if prediction_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("predictionError"));
                            }
                            prediction_error__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = map_.next_value()?;
                        }
                    }
                }
                Ok(ResolvePredictionResponse {
                    status: status__.unwrap_or_default(),
                    prediction_error: prediction_error__,
                    confidence: confidence__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.ResolvePredictionResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SearchHit {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.score != 0. {
            len += 1;
        }
        if !self.text.is_empty() {
            len += 1;
        }
        if self.rank != 0 {
            len += 1;
        }
        if self.confidence != 0. {
            len += 1;
        }
        if self.priority != 0. {
            len += 1;
        }
        if !self.metadata.is_empty() {
            len += 1;
        }
        if self.keyword_score != 0. {
            len += 1;
        }
        if self.fused_score != 0. {
            len += 1;
        }
        if self.recency_weight != 0. {
            len += 1;
        }
        if self.created_at.is_some() {
            len += 1;
        }
        if self.updated_at.is_some() {
            len += 1;
        }
        if self.last_used_at.is_some() {
            len += 1;
        }
        if self.expires_at.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.SearchHit", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.score != 0. {
            struct_ser.serialize_field("score", &self.score)?;
        }
        if !self.text.is_empty() {
            struct_ser.serialize_field("text", &self.text)?;
        }
        if self.rank != 0 {
            struct_ser.serialize_field("rank", &self.rank)?;
        }
        if self.confidence != 0. {
            struct_ser.serialize_field("confidence", &self.confidence)?;
        }
        if self.priority != 0. {
            struct_ser.serialize_field("priority", &self.priority)?;
        }
        if !self.metadata.is_empty() {
            struct_ser.serialize_field("metadata", &self.metadata)?;
        }
        if self.keyword_score != 0. {
            struct_ser.serialize_field("keywordScore", &self.keyword_score)?;
        }
        if self.fused_score != 0. {
            struct_ser.serialize_field("fusedScore", &self.fused_score)?;
        }
        if self.recency_weight != 0. {
            struct_ser.serialize_field("recencyWeight", &self.recency_weight)?;
        }
        if let Some(v) = self.created_at.as_ref() {
            struct_ser.serialize_field("createdAt", v)?;
        }
        if let Some(v) = self.updated_at.as_ref() {
            struct_ser.serialize_field("updatedAt", v)?;
        }
        if let Some(v) = self.last_used_at.as_ref() {
            struct_ser.serialize_field("lastUsedAt", v)?;
        }
        if let Some(v) = self.expires_at.as_ref() {
            struct_ser.serialize_field("expiresAt", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SearchHit {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "score",
            "text",
            "rank",
            "confidence",
            "priority",
            "metadata",
            "keyword_score",
            "keywordScore",
            "fused_score",
            "fusedScore",
            "recency_weight",
            "recencyWeight",
            "created_at",
            "createdAt",
            "updated_at",
            "updatedAt",
            "last_used_at",
            "lastUsedAt",
            "expires_at",
            "expiresAt",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Score,
            Text,
            Rank,
            Confidence,
            Priority,
            Metadata,
            KeywordScore,
            FusedScore,
            RecencyWeight,
            CreatedAt,
            UpdatedAt,
            LastUsedAt,
            ExpiresAt,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "score" => Ok(GeneratedField::Score),
                            "text" => Ok(GeneratedField::Text),
                            "rank" => Ok(GeneratedField::Rank),
                            "confidence" => Ok(GeneratedField::Confidence),
                            "priority" => Ok(GeneratedField::Priority),
                            "metadata" => Ok(GeneratedField::Metadata),
                            "keywordScore" | "keyword_score" => Ok(GeneratedField::KeywordScore),
                            "fusedScore" | "fused_score" => Ok(GeneratedField::FusedScore),
                            "recencyWeight" | "recency_weight" => Ok(GeneratedField::RecencyWeight),
                            "createdAt" | "created_at" => Ok(GeneratedField::CreatedAt),
                            "updatedAt" | "updated_at" => Ok(GeneratedField::UpdatedAt),
                            "lastUsedAt" | "last_used_at" => Ok(GeneratedField::LastUsedAt),
                            "expiresAt" | "expires_at" => Ok(GeneratedField::ExpiresAt),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SearchHit;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.SearchHit")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SearchHit, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut score__ = None;
                let mut text__ = None;
                let mut rank__ = None;
                let mut confidence__ = None;
                let mut priority__ = None;
                let mut metadata__ = None;
                let mut keyword_score__ = None;
                let mut fused_score__ = None;
                let mut recency_weight__ = None;
                let mut created_at__ = None;
                let mut updated_at__ = None;
                let mut last_used_at__ = None;
                let mut expires_at__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Score => {
                            if score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("score"));
                            }
                            score__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Text => {
                            if text__.is_some() {
                                return Err(serde::de::Error::duplicate_field("text"));
                            }
                            text__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Rank => {
                            if rank__.is_some() {
                                return Err(serde::de::Error::duplicate_field("rank"));
                            }
                            rank__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Priority => {
                            if priority__.is_some() {
                                return Err(serde::de::Error::duplicate_field("priority"));
                            }
                            priority__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Metadata => {
                            if metadata__.is_some() {
                                return Err(serde::de::Error::duplicate_field("metadata"));
                            }
                            metadata__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::KeywordScore => {
                            if keyword_score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("keywordScore"));
                            }
                            keyword_score__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::FusedScore => {
                            if fused_score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("fusedScore"));
                            }
                            fused_score__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::RecencyWeight => {
                            if recency_weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recencyWeight"));
                            }
                            recency_weight__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::CreatedAt => {
                            if created_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAt"));
                            }
                            created_at__ = map_.next_value()?;
                        }
                        GeneratedField::UpdatedAt => {
                            if updated_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updatedAt"));
                            }
                            updated_at__ = map_.next_value()?;
                        }
                        GeneratedField::LastUsedAt => {
                            if last_used_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastUsedAt"));
                            }
                            last_used_at__ = map_.next_value()?;
                        }
                        GeneratedField::ExpiresAt => {
                            if expires_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAt"));
                            }
                            expires_at__ = map_.next_value()?;
                        }
                    }
                }
                Ok(SearchHit {
                    record_id: record_id__.unwrap_or_default(),
                    score: score__.unwrap_or_default(),
                    text: text__.unwrap_or_default(),
                    rank: rank__.unwrap_or_default(),
                    confidence: confidence__.unwrap_or_default(),
                    priority: priority__.unwrap_or_default(),
                    metadata: metadata__.unwrap_or_default(),
                    keyword_score: keyword_score__.unwrap_or_default(),
                    fused_score: fused_score__.unwrap_or_default(),
                    recency_weight: recency_weight__.unwrap_or_default(),
                    created_at: created_at__,
                    updated_at: updated_at__,
                    last_used_at: last_used_at__,
                    expires_at: expires_at__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.SearchHit", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SearchPath {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "SEARCH_PATH_UNSPECIFIED",
            Self::Exact => "SEARCH_PATH_EXACT",
            Self::Approximate => "SEARCH_PATH_APPROXIMATE",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for SearchPath {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "SEARCH_PATH_UNSPECIFIED",
            "SEARCH_PATH_EXACT",
            "SEARCH_PATH_APPROXIMATE",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SearchPath;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "SEARCH_PATH_UNSPECIFIED" => Ok(SearchPath::Unspecified),
                    "SEARCH_PATH_EXACT" => Ok(SearchPath::Exact),
                    "SEARCH_PATH_APPROXIMATE" => Ok(SearchPath::Approximate),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for SearchQuery {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.text.is_empty() {
            len += 1;
        }
        if self.vector.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.SearchQuery", len)?;
        if !self.text.is_empty() {
            struct_ser.serialize_field("text", &self.text)?;
        }
        if let Some(v) = self.vector.as_ref() {
            struct_ser.serialize_field("vector", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SearchQuery {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "text",
            "vector",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Text,
            Vector,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "text" => Ok(GeneratedField::Text),
                            "vector" => Ok(GeneratedField::Vector),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SearchQuery;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.SearchQuery")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SearchQuery, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut text__ = None;
                let mut vector__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Text => {
                            if text__.is_some() {
                                return Err(serde::de::Error::duplicate_field("text"));
                            }
                            text__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Vector => {
                            if vector__.is_some() {
                                return Err(serde::de::Error::duplicate_field("vector"));
                            }
                            vector__ = map_.next_value()?;
                        }
                    }
                }
                Ok(SearchQuery {
                    text: text__.unwrap_or_default(),
                    vector: vector__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.SearchQuery", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SearchRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.text.is_empty() {
            len += 1;
        }
        if self.vector.is_some() {
            len += 1;
        }
        if self.top_k.is_some() {
            len += 1;
        }
        if self.min_score.is_some() {
            len += 1;
        }
        if !self.filter.is_empty() {
            len += 1;
        }
        if self.ranking != 0 {
            len += 1;
        }
        if !self.consistency_token.is_empty() {
            len += 1;
        }
        if self.time_range.is_some() {
            len += 1;
        }
        if self.recency.is_some() {
            len += 1;
        }
        if self.fusion.is_some() {
            len += 1;
        }
        if self.exact {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.SearchRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.text.is_empty() {
            struct_ser.serialize_field("text", &self.text)?;
        }
        if let Some(v) = self.vector.as_ref() {
            struct_ser.serialize_field("vector", v)?;
        }
        if let Some(v) = self.top_k.as_ref() {
            struct_ser.serialize_field("topK", v)?;
        }
        if let Some(v) = self.min_score.as_ref() {
            struct_ser.serialize_field("minScore", v)?;
        }
        if !self.filter.is_empty() {
            struct_ser.serialize_field("filter", &self.filter)?;
        }
        if self.ranking != 0 {
            let v = Ranking::try_from(self.ranking)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.ranking)))?;
            struct_ser.serialize_field("ranking", &v)?;
        }
        if !self.consistency_token.is_empty() {
            struct_ser.serialize_field("consistencyToken", &self.consistency_token)?;
        }
        if let Some(v) = self.time_range.as_ref() {
            struct_ser.serialize_field("timeRange", v)?;
        }
        if let Some(v) = self.recency.as_ref() {
            struct_ser.serialize_field("recency", v)?;
        }
        if let Some(v) = self.fusion.as_ref() {
            struct_ser.serialize_field("fusion", v)?;
        }
        if self.exact {
            struct_ser.serialize_field("exact", &self.exact)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SearchRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "text",
            "vector",
            "top_k",
            "topK",
            "min_score",
            "minScore",
            "filter",
            "ranking",
            "consistency_token",
            "consistencyToken",
            "time_range",
            "timeRange",
            "recency",
            "fusion",
            "exact",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Text,
            Vector,
            TopK,
            MinScore,
            Filter,
            Ranking,
            ConsistencyToken,
            TimeRange,
            Recency,
            Fusion,
            Exact,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "text" => Ok(GeneratedField::Text),
                            "vector" => Ok(GeneratedField::Vector),
                            "topK" | "top_k" => Ok(GeneratedField::TopK),
                            "minScore" | "min_score" => Ok(GeneratedField::MinScore),
                            "filter" => Ok(GeneratedField::Filter),
                            "ranking" => Ok(GeneratedField::Ranking),
                            "consistencyToken" | "consistency_token" => Ok(GeneratedField::ConsistencyToken),
                            "timeRange" | "time_range" => Ok(GeneratedField::TimeRange),
                            "recency" => Ok(GeneratedField::Recency),
                            "fusion" => Ok(GeneratedField::Fusion),
                            "exact" => Ok(GeneratedField::Exact),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SearchRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.SearchRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SearchRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut text__ = None;
                let mut vector__ = None;
                let mut top_k__ = None;
                let mut min_score__ = None;
                let mut filter__ = None;
                let mut ranking__ = None;
                let mut consistency_token__ = None;
                let mut time_range__ = None;
                let mut recency__ = None;
                let mut fusion__ = None;
                let mut exact__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Text => {
                            if text__.is_some() {
                                return Err(serde::de::Error::duplicate_field("text"));
                            }
                            text__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Vector => {
                            if vector__.is_some() {
                                return Err(serde::de::Error::duplicate_field("vector"));
                            }
                            vector__ = map_.next_value()?;
                        }
                        GeneratedField::TopK => {
                            if top_k__.is_some() {
                                return Err(serde::de::Error::duplicate_field("topK"));
                            }
                            top_k__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::MinScore => {
                            if min_score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("minScore"));
                            }
                            min_score__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                        GeneratedField::Filter => {
                            if filter__.is_some() {
                                return Err(serde::de::Error::duplicate_field("filter"));
                            }
                            filter__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Ranking => {
                            if ranking__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ranking"));
                            }
                            ranking__ = Some(map_.next_value::<Ranking>()? as i32);
                        }
                        GeneratedField::ConsistencyToken => {
                            if consistency_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("consistencyToken"));
                            }
                            consistency_token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TimeRange => {
                            if time_range__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeRange"));
                            }
                            time_range__ = map_.next_value()?;
                        }
                        GeneratedField::Recency => {
                            if recency__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recency"));
                            }
                            recency__ = map_.next_value()?;
                        }
                        GeneratedField::Fusion => {
                            if fusion__.is_some() {
                                return Err(serde::de::Error::duplicate_field("fusion"));
                            }
                            fusion__ = map_.next_value()?;
                        }
                        GeneratedField::Exact => {
                            if exact__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exact"));
                            }
                            exact__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(SearchRequest {
                    namespace: namespace__.unwrap_or_default(),
                    text: text__.unwrap_or_default(),
                    vector: vector__,
                    top_k: top_k__,
                    min_score: min_score__,
                    filter: filter__.unwrap_or_default(),
                    ranking: ranking__.unwrap_or_default(),
                    consistency_token: consistency_token__.unwrap_or_default(),
                    time_range: time_range__,
                    recency: recency__,
                    fusion: fusion__,
                    exact: exact__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.SearchRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SearchResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.score != 0. {
            len += 1;
        }
        if !self.text.is_empty() {
            len += 1;
        }
        if self.rank != 0 {
            len += 1;
        }
        if self.confidence != 0. {
            len += 1;
        }
        if self.priority != 0. {
            len += 1;
        }
        if !self.metadata.is_empty() {
            len += 1;
        }
        if self.keyword_score != 0. {
            len += 1;
        }
        if self.fused_score != 0. {
            len += 1;
        }
        if self.recency_weight != 0. {
            len += 1;
        }
        if self.created_at.is_some() {
            len += 1;
        }
        if self.updated_at.is_some() {
            len += 1;
        }
        if self.last_used_at.is_some() {
            len += 1;
        }
        if self.expires_at.is_some() {
            len += 1;
        }
        if self.search_path != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.SearchResponse", len)?;
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if self.score != 0. {
            struct_ser.serialize_field("score", &self.score)?;
        }
        if !self.text.is_empty() {
            struct_ser.serialize_field("text", &self.text)?;
        }
        if self.rank != 0 {
            struct_ser.serialize_field("rank", &self.rank)?;
        }
        if self.confidence != 0. {
            struct_ser.serialize_field("confidence", &self.confidence)?;
        }
        if self.priority != 0. {
            struct_ser.serialize_field("priority", &self.priority)?;
        }
        if !self.metadata.is_empty() {
            struct_ser.serialize_field("metadata", &self.metadata)?;
        }
        if self.keyword_score != 0. {
            struct_ser.serialize_field("keywordScore", &self.keyword_score)?;
        }
        if self.fused_score != 0. {
            struct_ser.serialize_field("fusedScore", &self.fused_score)?;
        }
        if self.recency_weight != 0. {
            struct_ser.serialize_field("recencyWeight", &self.recency_weight)?;
        }
        if let Some(v) = self.created_at.as_ref() {
            struct_ser.serialize_field("createdAt", v)?;
        }
        if let Some(v) = self.updated_at.as_ref() {
            struct_ser.serialize_field("updatedAt", v)?;
        }
        if let Some(v) = self.last_used_at.as_ref() {
            struct_ser.serialize_field("lastUsedAt", v)?;
        }
        if let Some(v) = self.expires_at.as_ref() {
            struct_ser.serialize_field("expiresAt", v)?;
        }
        if self.search_path != 0 {
            let v = SearchPath::try_from(self.search_path)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.search_path)))?;
            struct_ser.serialize_field("searchPath", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SearchResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "record_id",
            "recordId",
            "score",
            "text",
            "rank",
            "confidence",
            "priority",
            "metadata",
            "keyword_score",
            "keywordScore",
            "fused_score",
            "fusedScore",
            "recency_weight",
            "recencyWeight",
            "created_at",
            "createdAt",
            "updated_at",
            "updatedAt",
            "last_used_at",
            "lastUsedAt",
            "expires_at",
            "expiresAt",
            "search_path",
            "searchPath",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            RecordId,
            Score,
            Text,
            Rank,
            Confidence,
            Priority,
            Metadata,
            KeywordScore,
            FusedScore,
            RecencyWeight,
            CreatedAt,
            UpdatedAt,
            LastUsedAt,
            ExpiresAt,
            SearchPath,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "score" => Ok(GeneratedField::Score),
                            "text" => Ok(GeneratedField::Text),
                            "rank" => Ok(GeneratedField::Rank),
                            "confidence" => Ok(GeneratedField::Confidence),
                            "priority" => Ok(GeneratedField::Priority),
                            "metadata" => Ok(GeneratedField::Metadata),
                            "keywordScore" | "keyword_score" => Ok(GeneratedField::KeywordScore),
                            "fusedScore" | "fused_score" => Ok(GeneratedField::FusedScore),
                            "recencyWeight" | "recency_weight" => Ok(GeneratedField::RecencyWeight),
                            "createdAt" | "created_at" => Ok(GeneratedField::CreatedAt),
                            "updatedAt" | "updated_at" => Ok(GeneratedField::UpdatedAt),
                            "lastUsedAt" | "last_used_at" => Ok(GeneratedField::LastUsedAt),
                            "expiresAt" | "expires_at" => Ok(GeneratedField::ExpiresAt),
                            "searchPath" | "search_path" => Ok(GeneratedField::SearchPath),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SearchResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.SearchResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SearchResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut record_id__ = None;
                let mut score__ = None;
                let mut text__ = None;
                let mut rank__ = None;
                let mut confidence__ = None;
                let mut priority__ = None;
                let mut metadata__ = None;
                let mut keyword_score__ = None;
                let mut fused_score__ = None;
                let mut recency_weight__ = None;
                let mut created_at__ = None;
                let mut updated_at__ = None;
                let mut last_used_at__ = None;
                let mut expires_at__ = None;
                let mut search_path__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Score => {
                            if score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("score"));
                            }
                            score__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Text => {
                            if text__.is_some() {
                                return Err(serde::de::Error::duplicate_field("text"));
                            }
                            text__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Rank => {
                            if rank__.is_some() {
                                return Err(serde::de::Error::duplicate_field("rank"));
                            }
                            rank__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Confidence => {
                            if confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("confidence"));
                            }
                            confidence__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Priority => {
                            if priority__.is_some() {
                                return Err(serde::de::Error::duplicate_field("priority"));
                            }
                            priority__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Metadata => {
                            if metadata__.is_some() {
                                return Err(serde::de::Error::duplicate_field("metadata"));
                            }
                            metadata__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::KeywordScore => {
                            if keyword_score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("keywordScore"));
                            }
                            keyword_score__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::FusedScore => {
                            if fused_score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("fusedScore"));
                            }
                            fused_score__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::RecencyWeight => {
                            if recency_weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recencyWeight"));
                            }
                            recency_weight__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::CreatedAt => {
                            if created_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAt"));
                            }
                            created_at__ = map_.next_value()?;
                        }
                        GeneratedField::UpdatedAt => {
                            if updated_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updatedAt"));
                            }
                            updated_at__ = map_.next_value()?;
                        }
                        GeneratedField::LastUsedAt => {
                            if last_used_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastUsedAt"));
                            }
                            last_used_at__ = map_.next_value()?;
                        }
                        GeneratedField::ExpiresAt => {
                            if expires_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAt"));
                            }
                            expires_at__ = map_.next_value()?;
                        }
                        GeneratedField::SearchPath => {
                            if search_path__.is_some() {
                                return Err(serde::de::Error::duplicate_field("searchPath"));
                            }
                            search_path__ = Some(map_.next_value::<SearchPath>()? as i32);
                        }
                    }
                }
                Ok(SearchResponse {
                    record_id: record_id__.unwrap_or_default(),
                    score: score__.unwrap_or_default(),
                    text: text__.unwrap_or_default(),
                    rank: rank__.unwrap_or_default(),
                    confidence: confidence__.unwrap_or_default(),
                    priority: priority__.unwrap_or_default(),
                    metadata: metadata__.unwrap_or_default(),
                    keyword_score: keyword_score__.unwrap_or_default(),
                    fused_score: fused_score__.unwrap_or_default(),
                    recency_weight: recency_weight__.unwrap_or_default(),
                    created_at: created_at__,
                    updated_at: updated_at__,
                    last_used_at: last_used_at__,
                    expires_at: expires_at__,
                    search_path: search_path__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.SearchResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for StrengthenRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.source_record_id.is_empty() {
            len += 1;
        }
        if !self.target_record_id.is_empty() {
            len += 1;
        }
        if self.delta.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.StrengthenRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.source_record_id.is_empty() {
            struct_ser.serialize_field("sourceRecordId", &self.source_record_id)?;
        }
        if !self.target_record_id.is_empty() {
            struct_ser.serialize_field("targetRecordId", &self.target_record_id)?;
        }
        if let Some(v) = self.delta.as_ref() {
            struct_ser.serialize_field("delta", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for StrengthenRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "source_record_id",
            "sourceRecordId",
            "target_record_id",
            "targetRecordId",
            "delta",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            SourceRecordId,
            TargetRecordId,
            Delta,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "sourceRecordId" | "source_record_id" => Ok(GeneratedField::SourceRecordId),
                            "targetRecordId" | "target_record_id" => Ok(GeneratedField::TargetRecordId),
                            "delta" => Ok(GeneratedField::Delta),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = StrengthenRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.StrengthenRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<StrengthenRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut source_record_id__ = None;
                let mut target_record_id__ = None;
                let mut delta__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SourceRecordId => {
                            if source_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sourceRecordId"));
                            }
                            source_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TargetRecordId => {
                            if target_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("targetRecordId"));
                            }
                            target_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Delta => {
                            if delta__.is_some() {
                                return Err(serde::de::Error::duplicate_field("delta"));
                            }
                            delta__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(StrengthenRequest {
                    namespace: namespace__.unwrap_or_default(),
                    source_record_id: source_record_id__.unwrap_or_default(),
                    target_record_id: target_record_id__.unwrap_or_default(),
                    delta: delta__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.StrengthenRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for StrengthenResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.weight != 0. {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.StrengthenResponse", len)?;
        if self.weight != 0. {
            struct_ser.serialize_field("weight", &self.weight)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for StrengthenResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "weight",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Weight,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "weight" => Ok(GeneratedField::Weight),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = StrengthenResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.StrengthenResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<StrengthenResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut weight__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Weight => {
                            if weight__.is_some() {
                                return Err(serde::de::Error::duplicate_field("weight"));
                            }
                            weight__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(StrengthenResponse {
                    weight: weight__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.StrengthenResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for StrengthenSpec {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.source_record_id.is_empty() {
            len += 1;
        }
        if !self.target_record_id.is_empty() {
            len += 1;
        }
        if self.delta.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.StrengthenSpec", len)?;
        if !self.source_record_id.is_empty() {
            struct_ser.serialize_field("sourceRecordId", &self.source_record_id)?;
        }
        if !self.target_record_id.is_empty() {
            struct_ser.serialize_field("targetRecordId", &self.target_record_id)?;
        }
        if let Some(v) = self.delta.as_ref() {
            struct_ser.serialize_field("delta", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for StrengthenSpec {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "source_record_id",
            "sourceRecordId",
            "target_record_id",
            "targetRecordId",
            "delta",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            SourceRecordId,
            TargetRecordId,
            Delta,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "sourceRecordId" | "source_record_id" => Ok(GeneratedField::SourceRecordId),
                            "targetRecordId" | "target_record_id" => Ok(GeneratedField::TargetRecordId),
                            "delta" => Ok(GeneratedField::Delta),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = StrengthenSpec;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.StrengthenSpec")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<StrengthenSpec, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut source_record_id__ = None;
                let mut target_record_id__ = None;
                let mut delta__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::SourceRecordId => {
                            if source_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sourceRecordId"));
                            }
                            source_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TargetRecordId => {
                            if target_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("targetRecordId"));
                            }
                            target_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Delta => {
                            if delta__.is_some() {
                                return Err(serde::de::Error::duplicate_field("delta"));
                            }
                            delta__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(StrengthenSpec {
                    source_record_id: source_record_id__.unwrap_or_default(),
                    target_record_id: target_record_id__.unwrap_or_default(),
                    delta: delta__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.StrengthenSpec", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TimeField {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "TIME_FIELD_UNSPECIFIED",
            Self::CreatedAt => "TIME_FIELD_CREATED_AT",
            Self::UpdatedAt => "TIME_FIELD_UPDATED_AT",
            Self::LastUsedAt => "TIME_FIELD_LAST_USED_AT",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for TimeField {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "TIME_FIELD_UNSPECIFIED",
            "TIME_FIELD_CREATED_AT",
            "TIME_FIELD_UPDATED_AT",
            "TIME_FIELD_LAST_USED_AT",
        ];

        struct GeneratedVisitor;

        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TimeField;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "TIME_FIELD_UNSPECIFIED" => Ok(TimeField::Unspecified),
                    "TIME_FIELD_CREATED_AT" => Ok(TimeField::CreatedAt),
                    "TIME_FIELD_UPDATED_AT" => Ok(TimeField::UpdatedAt),
                    "TIME_FIELD_LAST_USED_AT" => Ok(TimeField::LastUsedAt),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for TimeRange {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.created_after.is_some() {
            len += 1;
        }
        if self.created_before.is_some() {
            len += 1;
        }
        if self.updated_after.is_some() {
            len += 1;
        }
        if self.updated_before.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.TimeRange", len)?;
        if let Some(v) = self.created_after.as_ref() {
            struct_ser.serialize_field("createdAfter", v)?;
        }
        if let Some(v) = self.created_before.as_ref() {
            struct_ser.serialize_field("createdBefore", v)?;
        }
        if let Some(v) = self.updated_after.as_ref() {
            struct_ser.serialize_field("updatedAfter", v)?;
        }
        if let Some(v) = self.updated_before.as_ref() {
            struct_ser.serialize_field("updatedBefore", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TimeRange {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "created_after",
            "createdAfter",
            "created_before",
            "createdBefore",
            "updated_after",
            "updatedAfter",
            "updated_before",
            "updatedBefore",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            CreatedAfter,
            CreatedBefore,
            UpdatedAfter,
            UpdatedBefore,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "createdAfter" | "created_after" => Ok(GeneratedField::CreatedAfter),
                            "createdBefore" | "created_before" => Ok(GeneratedField::CreatedBefore),
                            "updatedAfter" | "updated_after" => Ok(GeneratedField::UpdatedAfter),
                            "updatedBefore" | "updated_before" => Ok(GeneratedField::UpdatedBefore),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TimeRange;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.TimeRange")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TimeRange, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut created_after__ = None;
                let mut created_before__ = None;
                let mut updated_after__ = None;
                let mut updated_before__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::CreatedAfter => {
                            if created_after__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAfter"));
                            }
                            created_after__ = map_.next_value()?;
                        }
                        GeneratedField::CreatedBefore => {
                            if created_before__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdBefore"));
                            }
                            created_before__ = map_.next_value()?;
                        }
                        GeneratedField::UpdatedAfter => {
                            if updated_after__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updatedAfter"));
                            }
                            updated_after__ = map_.next_value()?;
                        }
                        GeneratedField::UpdatedBefore => {
                            if updated_before__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updatedBefore"));
                            }
                            updated_before__ = map_.next_value()?;
                        }
                    }
                }
                Ok(TimeRange {
                    created_after: created_after__,
                    created_before: created_before__,
                    updated_after: updated_after__,
                    updated_before: updated_before__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.TimeRange", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UnlinkRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.source_record_id.is_empty() {
            len += 1;
        }
        if !self.target_record_id.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UnlinkRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.source_record_id.is_empty() {
            struct_ser.serialize_field("sourceRecordId", &self.source_record_id)?;
        }
        if !self.target_record_id.is_empty() {
            struct_ser.serialize_field("targetRecordId", &self.target_record_id)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UnlinkRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "source_record_id",
            "sourceRecordId",
            "target_record_id",
            "targetRecordId",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            SourceRecordId,
            TargetRecordId,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "sourceRecordId" | "source_record_id" => Ok(GeneratedField::SourceRecordId),
                            "targetRecordId" | "target_record_id" => Ok(GeneratedField::TargetRecordId),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UnlinkRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UnlinkRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UnlinkRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut source_record_id__ = None;
                let mut target_record_id__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SourceRecordId => {
                            if source_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sourceRecordId"));
                            }
                            source_record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TargetRecordId => {
                            if target_record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("targetRecordId"));
                            }
                            target_record_id__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(UnlinkRequest {
                    namespace: namespace__.unwrap_or_default(),
                    source_record_id: source_record_id__.unwrap_or_default(),
                    target_record_id: target_record_id__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UnlinkRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UnlinkResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.removed {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UnlinkResponse", len)?;
        if self.removed {
            struct_ser.serialize_field("removed", &self.removed)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UnlinkResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "removed",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Removed,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "removed" => Ok(GeneratedField::Removed),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UnlinkResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UnlinkResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UnlinkResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut removed__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Removed => {
                            if removed__.is_some() {
                                return Err(serde::de::Error::duplicate_field("removed"));
                            }
                            removed__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(UnlinkResponse {
                    removed: removed__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UnlinkResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpdateConfidenceRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.signal.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UpdateConfidenceRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if let Some(v) = self.signal.as_ref() {
            struct_ser.serialize_field("signal", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpdateConfidenceRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "signal",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            Signal,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "signal" => Ok(GeneratedField::Signal),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpdateConfidenceRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UpdateConfidenceRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpdateConfidenceRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut signal__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Signal => {
                            if signal__.is_some() {
                                return Err(serde::de::Error::duplicate_field("signal"));
                            }
                            signal__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(UpdateConfidenceRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    signal: signal__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UpdateConfidenceRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpdateConfidenceResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.state.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UpdateConfidenceResponse", len)?;
        if let Some(v) = self.state.as_ref() {
            struct_ser.serialize_field("state", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpdateConfidenceResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "state",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            State,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "state" => Ok(GeneratedField::State),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpdateConfidenceResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UpdateConfidenceResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpdateConfidenceResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut state__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = map_.next_value()?;
                        }
                    }
                }
                Ok(UpdateConfidenceResponse {
                    state: state__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UpdateConfidenceResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpdateNamespaceConfigRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if self.config.is_some() {
            len += 1;
        }
        if self.reset {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UpdateNamespaceConfigRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        if self.reset {
            struct_ser.serialize_field("reset", &self.reset)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpdateNamespaceConfigRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "config",
            "reset",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            Config,
            Reset,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "config" => Ok(GeneratedField::Config),
                            "reset" => Ok(GeneratedField::Reset),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpdateNamespaceConfigRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UpdateNamespaceConfigRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpdateNamespaceConfigRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut config__ = None;
                let mut reset__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::Reset => {
                            if reset__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reset"));
                            }
                            reset__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(UpdateNamespaceConfigRequest {
                    namespace: namespace__.unwrap_or_default(),
                    config: config__,
                    reset: reset__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UpdateNamespaceConfigRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpdateNamespaceConfigResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.config.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UpdateNamespaceConfigResponse", len)?;
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpdateNamespaceConfigResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "config",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Config,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "config" => Ok(GeneratedField::Config),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpdateNamespaceConfigResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UpdateNamespaceConfigResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpdateNamespaceConfigResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut config__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                    }
                }
                Ok(UpdateNamespaceConfigResponse {
                    config: config__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UpdateNamespaceConfigResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpsertEmbeddingRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if !self.text.is_empty() {
            len += 1;
        }
        if self.vector.is_some() {
            len += 1;
        }
        if !self.model.is_empty() {
            len += 1;
        }
        if !self.metadata.is_empty() {
            len += 1;
        }
        if self.ttl.is_some() {
            len += 1;
        }
        if self.expires_at.is_some() {
            len += 1;
        }
        if self.dedupe_threshold.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UpsertEmbeddingRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if !self.text.is_empty() {
            struct_ser.serialize_field("text", &self.text)?;
        }
        if let Some(v) = self.vector.as_ref() {
            struct_ser.serialize_field("vector", v)?;
        }
        if !self.model.is_empty() {
            struct_ser.serialize_field("model", &self.model)?;
        }
        if !self.metadata.is_empty() {
            struct_ser.serialize_field("metadata", &self.metadata)?;
        }
        if let Some(v) = self.ttl.as_ref() {
            struct_ser.serialize_field("ttl", v)?;
        }
        if let Some(v) = self.expires_at.as_ref() {
            struct_ser.serialize_field("expiresAt", v)?;
        }
        if let Some(v) = self.dedupe_threshold.as_ref() {
            struct_ser.serialize_field("dedupeThreshold", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpsertEmbeddingRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "text",
            "vector",
            "model",
            "metadata",
            "ttl",
            "expires_at",
            "expiresAt",
            "dedupe_threshold",
            "dedupeThreshold",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            Text,
            Vector,
            Model,
            Metadata,
            Ttl,
            ExpiresAt,
            DedupeThreshold,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "text" => Ok(GeneratedField::Text),
                            "vector" => Ok(GeneratedField::Vector),
                            "model" => Ok(GeneratedField::Model),
                            "metadata" => Ok(GeneratedField::Metadata),
                            "ttl" => Ok(GeneratedField::Ttl),
                            "expiresAt" | "expires_at" => Ok(GeneratedField::ExpiresAt),
                            "dedupeThreshold" | "dedupe_threshold" => Ok(GeneratedField::DedupeThreshold),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpsertEmbeddingRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UpsertEmbeddingRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpsertEmbeddingRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut text__ = None;
                let mut vector__ = None;
                let mut model__ = None;
                let mut metadata__ = None;
                let mut ttl__ = None;
                let mut expires_at__ = None;
                let mut dedupe_threshold__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Text => {
                            if text__.is_some() {
                                return Err(serde::de::Error::duplicate_field("text"));
                            }
                            text__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Vector => {
                            if vector__.is_some() {
                                return Err(serde::de::Error::duplicate_field("vector"));
                            }
                            vector__ = map_.next_value()?;
                        }
                        GeneratedField::Model => {
                            if model__.is_some() {
                                return Err(serde::de::Error::duplicate_field("model"));
                            }
                            model__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Metadata => {
                            if metadata__.is_some() {
                                return Err(serde::de::Error::duplicate_field("metadata"));
                            }
                            metadata__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Ttl => {
                            if ttl__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ttl"));
                            }
                            ttl__ = map_.next_value()?;
                        }
                        GeneratedField::ExpiresAt => {
                            if expires_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAt"));
                            }
                            expires_at__ = map_.next_value()?;
                        }
                        GeneratedField::DedupeThreshold => {
                            if dedupe_threshold__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dedupeThreshold"));
                            }
                            dedupe_threshold__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(UpsertEmbeddingRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    text: text__.unwrap_or_default(),
                    vector: vector__,
                    model: model__.unwrap_or_default(),
                    metadata: metadata__.unwrap_or_default(),
                    ttl: ttl__,
                    expires_at: expires_at__,
                    dedupe_threshold: dedupe_threshold__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UpsertEmbeddingRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpsertEmbeddingResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.created {
            len += 1;
        }
        if !self.model.is_empty() {
            len += 1;
        }
        if self.dimensions != 0 {
            len += 1;
        }
        if !self.consistency_token.is_empty() {
            len += 1;
        }
        if !self.duplicate_of.is_empty() {
            len += 1;
        }
        if self.duplicate_score != 0. {
            len += 1;
        }
        if self.duplicate_confidence.is_some() {
            len += 1;
        }
        if self.expires_at.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.UpsertEmbeddingResponse", len)?;
        if self.created {
            struct_ser.serialize_field("created", &self.created)?;
        }
        if !self.model.is_empty() {
            struct_ser.serialize_field("model", &self.model)?;
        }
        if self.dimensions != 0 {
            struct_ser.serialize_field("dimensions", &self.dimensions)?;
        }
        if !self.consistency_token.is_empty() {
            struct_ser.serialize_field("consistencyToken", &self.consistency_token)?;
        }
        if !self.duplicate_of.is_empty() {
            struct_ser.serialize_field("duplicateOf", &self.duplicate_of)?;
        }
        if self.duplicate_score != 0. {
            struct_ser.serialize_field("duplicateScore", &self.duplicate_score)?;
        }
        if let Some(v) = self.duplicate_confidence.as_ref() {
            struct_ser.serialize_field("duplicateConfidence", v)?;
        }
        if let Some(v) = self.expires_at.as_ref() {
            struct_ser.serialize_field("expiresAt", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpsertEmbeddingResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "created",
            "model",
            "dimensions",
            "consistency_token",
            "consistencyToken",
            "duplicate_of",
            "duplicateOf",
            "duplicate_score",
            "duplicateScore",
            "duplicate_confidence",
            "duplicateConfidence",
            "expires_at",
            "expiresAt",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Created,
            Model,
            Dimensions,
            ConsistencyToken,
            DuplicateOf,
            DuplicateScore,
            DuplicateConfidence,
            ExpiresAt,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "created" => Ok(GeneratedField::Created),
                            "model" => Ok(GeneratedField::Model),
                            "dimensions" => Ok(GeneratedField::Dimensions),
                            "consistencyToken" | "consistency_token" => Ok(GeneratedField::ConsistencyToken),
                            "duplicateOf" | "duplicate_of" => Ok(GeneratedField::DuplicateOf),
                            "duplicateScore" | "duplicate_score" => Ok(GeneratedField::DuplicateScore),
                            "duplicateConfidence" | "duplicate_confidence" => Ok(GeneratedField::DuplicateConfidence),
                            "expiresAt" | "expires_at" => Ok(GeneratedField::ExpiresAt),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpsertEmbeddingResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.UpsertEmbeddingResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpsertEmbeddingResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut created__ = None;
                let mut model__ = None;
                let mut dimensions__ = None;
                let mut consistency_token__ = None;
                let mut duplicate_of__ = None;
                let mut duplicate_score__ = None;
                let mut duplicate_confidence__ = None;
                let mut expires_at__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Created => {
                            if created__.is_some() {
                                return Err(serde::de::Error::duplicate_field("created"));
                            }
                            created__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Model => {
                            if model__.is_some() {
                                return Err(serde::de::Error::duplicate_field("model"));
                            }
                            model__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Dimensions => {
                            if dimensions__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dimensions"));
                            }
                            dimensions__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ConsistencyToken => {
                            if consistency_token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("consistencyToken"));
                            }
                            consistency_token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::DuplicateOf => {
                            if duplicate_of__.is_some() {
                                return Err(serde::de::Error::duplicate_field("duplicateOf"));
                            }
                            duplicate_of__ = Some(map_.next_value()?);
                        }
                        GeneratedField::DuplicateScore => {
                            if duplicate_score__.is_some() {
                                return Err(serde::de::Error::duplicate_field("duplicateScore"));
                            }
                            duplicate_score__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::DuplicateConfidence => {
                            if duplicate_confidence__.is_some() {
                                return Err(serde::de::Error::duplicate_field("duplicateConfidence"));
                            }
                            duplicate_confidence__ = map_.next_value()?;
                        }
                        GeneratedField::ExpiresAt => {
                            if expires_at__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAt"));
                            }
                            expires_at__ = map_.next_value()?;
                        }
                    }
                }
                Ok(UpsertEmbeddingResponse {
                    created: created__.unwrap_or_default(),
                    model: model__.unwrap_or_default(),
                    dimensions: dimensions__.unwrap_or_default(),
                    consistency_token: consistency_token__.unwrap_or_default(),
                    duplicate_of: duplicate_of__.unwrap_or_default(),
                    duplicate_score: duplicate_score__.unwrap_or_default(),
                    duplicate_confidence: duplicate_confidence__,
                    expires_at: expires_at__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.UpsertEmbeddingResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Value {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.kind.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.Value", len)?;
        if let Some(v) = self.kind.as_ref() {
            match v {
                value::Kind::NumberValue(v) => {
                    struct_ser.serialize_field("numberValue", v)?;
                }
                value::Kind::StringValue(v) => {
                    struct_ser.serialize_field("stringValue", v)?;
                }
                value::Kind::BoolValue(v) => {
                    struct_ser.serialize_field("boolValue", v)?;
                }
            }
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Value {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "number_value",
            "numberValue",
            "string_value",
            "stringValue",
            "bool_value",
            "boolValue",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            NumberValue,
            StringValue,
            BoolValue,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "numberValue" | "number_value" => Ok(GeneratedField::NumberValue),
                            "stringValue" | "string_value" => Ok(GeneratedField::StringValue),
                            "boolValue" | "bool_value" => Ok(GeneratedField::BoolValue),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Value;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.Value")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Value, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut kind__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::NumberValue => {
                            if kind__.is_some() {
                                return Err(serde::de::Error::duplicate_field("numberValue"));
                            }
                            kind__ = map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| value::Kind::NumberValue(x.0));
                        }
                        GeneratedField::StringValue => {
                            if kind__.is_some() {
                                return Err(serde::de::Error::duplicate_field("stringValue"));
                            }
                            kind__ = map_.next_value::<::std::option::Option<_>>()?.map(value::Kind::StringValue);
                        }
                        GeneratedField::BoolValue => {
                            if kind__.is_some() {
                                return Err(serde::de::Error::duplicate_field("boolValue"));
                            }
                            kind__ = map_.next_value::<::std::option::Option<_>>()?.map(value::Kind::BoolValue);
                        }
                    }
                }
                Ok(Value {
                    kind: kind__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.Value", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Vector {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.values.is_empty() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.Vector", len)?;
        if !self.values.is_empty() {
            struct_ser.serialize_field("values", &self.values)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Vector {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "values",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Values,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "values" => Ok(GeneratedField::Values),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Vector;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.Vector")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Vector, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut values__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Values => {
                            if values__.is_some() {
                                return Err(serde::de::Error::duplicate_field("values"));
                            }
                            values__ = 
                                Some(map_.next_value::<Vec<::pbjson::private::NumberDeserialize<_>>>()?
                                    .into_iter().map(|x| x.0).collect())
                            ;
                        }
                    }
                }
                Ok(Vector {
                    values: values__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.Vector", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WeakenAllRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if !self.namespace.is_empty() {
            len += 1;
        }
        if !self.record_id.is_empty() {
            len += 1;
        }
        if self.factor.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.WeakenAllRequest", len)?;
        if !self.namespace.is_empty() {
            struct_ser.serialize_field("namespace", &self.namespace)?;
        }
        if !self.record_id.is_empty() {
            struct_ser.serialize_field("recordId", &self.record_id)?;
        }
        if let Some(v) = self.factor.as_ref() {
            struct_ser.serialize_field("factor", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WeakenAllRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "namespace",
            "record_id",
            "recordId",
            "factor",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Namespace,
            RecordId,
            Factor,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "namespace" => Ok(GeneratedField::Namespace),
                            "recordId" | "record_id" => Ok(GeneratedField::RecordId),
                            "factor" => Ok(GeneratedField::Factor),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WeakenAllRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.WeakenAllRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WeakenAllRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut namespace__ = None;
                let mut record_id__ = None;
                let mut factor__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Namespace => {
                            if namespace__.is_some() {
                                return Err(serde::de::Error::duplicate_field("namespace"));
                            }
                            namespace__ = Some(map_.next_value()?);
                        }
                        GeneratedField::RecordId => {
                            if record_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recordId"));
                            }
                            record_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Factor => {
                            if factor__.is_some() {
                                return Err(serde::de::Error::duplicate_field("factor"));
                            }
                            factor__ = 
                                map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| x.0)
                            ;
                        }
                    }
                }
                Ok(WeakenAllRequest {
                    namespace: namespace__.unwrap_or_default(),
                    record_id: record_id__.unwrap_or_default(),
                    factor: factor__,
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.WeakenAllRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WeakenAllResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.pruned_count != 0 {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("engram.v1.WeakenAllResponse", len)?;
        if self.pruned_count != 0 {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("prunedCount", ToString::to_string(&self.pruned_count).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WeakenAllResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "pruned_count",
            "prunedCount",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            PrunedCount,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "prunedCount" | "pruned_count" => Ok(GeneratedField::PrunedCount),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WeakenAllResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct engram.v1.WeakenAllResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WeakenAllResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut pruned_count__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::PrunedCount => {
                            if pruned_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("prunedCount"));
                            }
                            pruned_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(WeakenAllResponse {
                    pruned_count: pruned_count__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("engram.v1.WeakenAllResponse", FIELDS, GeneratedVisitor)
    }
}
